/* textlines.c - classifying the lines of a plain-text guide (see
 * textlines.h). Lines come trimmed of the spaces around them. */
#include "import/textlines.h"

#include <string.h>
#include <strings.h>

static const struct {
	const char *label;
	tl_part part;
} labels[] = {
    {"why they ask", TL_WHY},
    {"why they ask this", TL_WHY},
    {"why interviewers ask", TL_WHY},
    {"why interviewers ask this", TL_WHY},
    {"why it's asked", TL_WHY},
    {"why it\u2019s asked", TL_WHY},
    {"why this is asked", TL_WHY},
    {"sample answer", TL_ANSWER},
    {"sample approach", TL_ANSWER},
    {"sample framework response", TL_ANSWER},
    {"sample response", TL_ANSWER},
    {"example answer", TL_ANSWER},
    {"model answer", TL_ANSWER},
    {"answer", TL_ANSWER},
    {"a", TL_ANSWER},
    {"star framework", TL_STAR},
    {"star method", TL_STAR},
    {"framework for answering", TL_FRAMEWORK},
    {"answering framework", TL_FRAMEWORK},
    {"how to answer", TL_FRAMEWORK},
    {"personalization tip", TL_TIP},
    {"personalisation tip", TL_TIP},
    {"tip", TL_TIP},
    {"pro tip", TL_TIP},
    {"key points", TL_KEYS},
    {"follow-up questions", TL_FOLLOW},
    {"follow-ups", TL_FOLLOW},
    {"follow-up", TL_FOLLOW},
    {"question", TL_QUESTION},
    {"q", TL_QUESTION},
};

static const char *const part_names[TL_NPARTS] = {"(no label)",
                                                  "Why they ask",
                                                  "Sample answer",
                                                  "STAR framework",
                                                  "Framework for answering",
                                                  "Personalization tip",
                                                  "Key points",
                                                  "Follow-up questions",
                                                  "Question"};

const char *tl_part_name(tl_part p)
{
	return p < TL_NPARTS ? part_names[p] : "?";
}

tl_part tl_label(const char *s, size_t n, size_t *rest)
{
	const char *colon = memchr(s, ':', n < 40 ? n : 40);
	if (!colon)
		return TL_NONE;
	size_t k = (size_t)(colon - s);
	while (k && s[k - 1] == ' ')
		k--;
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
		if (strlen(labels[i].label) != k ||
		    strncasecmp(s, labels[i].label, k))
			continue;
		size_t r = (size_t)(colon - s) + 1;
		while (r < n && (s[r] == ' ' || s[r] == '\t'))
			r++;
		*rest = r;
		return labels[i].part;
	}
	return TL_NONE;
}

size_t tl_chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

size_t tl_bullet(const char *s, size_t n, int *number)
{
	static const char *const marks[] = {
	    "- ",      "* ",      "+ ",      "\u2022 ", "\u2013 ",
	    "\u2014 ", "\u00b7 ", "\u25e6 ", "\u25aa ", "\u2023 "};
	*number = 0;
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		size_t k = strlen(marks[i]);
		if (n > k && !memcmp(s, marks[i], k))
			return k;
	}
	size_t d = 0;
	int v = 0;
	while (d < n && d < 3 && s[d] >= '0' && s[d] <= '9')
		v = v * 10 + (s[d++] - '0');
	if (d && d + 1 < n && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ') {
		*number = v ? v : 1;
		return d + 2;
	}
	return 0;
}

size_t tl_numbering(const char *s, size_t n)
{
	size_t i = 0;
	if (i < n && (s[i] == 'Q' || s[i] == 'q' || s[i] == '#'))
		i++;
	size_t d = i;
	while (i < n && i - d < 3 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == d)
		return 0;
	if (i < n && (s[i] == '.' || s[i] == ')' || s[i] == ':'))
		i++;
	if (i >= n || s[i] != ' ')
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

static const char *const imperatives[] = {
    "explain ",
    "describe ",
    "walk me through ",
    "walk us through ",
    "tell me ",
    "tell us ",
    "talk me through ",
    "talk about ",
    "give me ",
    "give us ",
    "give an example ",
    "share ",
    "define ",
    "compare ",
    "design ",
    "discuss ",
    "summarize ",
    "summarise ",
    "imagine ",
    "suppose ",
    "sell me ",
    "pitch ",
    "introduce yourself",
    "name ",
    "outline ",
    "list ",
    "estimate ",
    "how would you ",
    "what would you ",
    "why do you ",
    "why did you ",
    "how do you ",
    "pick ",
    "choose ",
    "propose ",
    "prioritize ",
    "prioritise ",
    "evaluate ",
    "calculate ",
    "write ",
    "implement ",
    "build ",
    "draw ",
    "sketch ",
    "improve ",
    "critique ",
    "identify ",
    "predict ",
};

/* A sentence end inside s[0..n): ". ", "! " or "? " followed by more,
 * not after a common abbreviation. */
static int two_sentences(const char *s, size_t n)
{
	static const char *const abbrevs[] = {"e.g", "i.e", "vs",  "etc", "Dr",
	                                      "Mr",  "Ms",  "Mrs", "St",  "No"};
	for (size_t i = 1; i + 2 < n; i++) {
		if (!strchr(".!?", s[i]) || s[i + 1] != ' ' ||
		    !((s[i + 2] >= 'A' && s[i + 2] <= 'Z') ||
		      (s[i + 2] >= '0' && s[i + 2] <= '9')))
			continue; /* a new sentence starts with a capital */
		int abbrev = 0;
		for (size_t k = 0; k < sizeof abbrevs / sizeof abbrevs[0];
		     k++) {
			size_t a = strlen(abbrevs[k]);
			abbrev |= i >= a && !strncmp(s + i - a, abbrevs[k], a);
		}
		if (!abbrev)
			return 1;
	}
	return 0;
}

/* s[0..n) without closing quotes, brackets and spaces at its end. */
static size_t trim_closers(const char *s, size_t n)
{
	for (;;) {
		if (n && strchr("\"')] ", s[n - 1])) {
			n--;
		} else if (n >= 3 && !memcmp(s + n - 3, "\u201d", 3)) {
			n -= 3;
		} else if (n >= 3 && !memcmp(s + n - 3, "\u2019", 3)) {
			n -= 3;
		} else {
			return n;
		}
	}
}

int tl_ends_sentence(const char *s, size_t n)
{
	n = trim_closers(s, n);
	return n && strchr(".!?:;", s[n - 1]);
}

int tl_looks_like_question(const char *s, size_t n)
{
	size_t k = tl_numbering(s, n);
	s += k;
	n -= k;
	if (!n || tl_chars(s, n) > 160 || s[n - 1] == ':' ||
	    two_sentences(s, n))
		return 0;
	size_t e = trim_closers(s, n);
	if (e && s[e - 1] == '?')
		return 1;
	for (size_t i = 0; i < sizeof imperatives / sizeof imperatives[0];
	     i++) {
		size_t m = strlen(imperatives[i]);
		if (n >= m && !strncasecmp(s, imperatives[i], m))
			return 1;
	}
	return 0;
}

/* Words of s: how many, and how many of the longer ones (four letters
 * or more) start with a capital. */
static void count_words(const char *s, size_t n, size_t *words,
                        size_t *long_words, size_t *capitalised)
{
	*words = *long_words = *capitalised = 0;
	for (size_t i = 0; i < n;) {
		while (i < n && s[i] == ' ')
			i++;
		size_t a = i;
		while (i < n && s[i] != ' ')
			i++;
		if (i == a)
			continue;
		(*words)++;
		if (tl_chars(s + a, i - a) >= 4) {
			(*long_words)++;
			*capitalised += (s[a] >= 'A' && s[a] <= 'Z') ||
			                (unsigned char)s[a] >= 0xC3;
		}
	}
}

static int names_questions(const char *s, size_t n)
{
	for (size_t i = 0; i + 8 <= n; i++)
		if (!strncasecmp(s + i, "question", 8) &&
		    (i == 0 || s[i - 1] == ' '))
			return 1;
	return 0;
}

int tl_heading(const char *s, size_t n)
{
	if (!n || tl_chars(s, n) > 100)
		return 0;
	size_t e = trim_closers(s, n);
	if (!e || strchr(".?!:;,", s[e - 1]))
		return 0;
	if (names_questions(s, n))
		return 2;
	size_t words, long_words, caps;
	count_words(s, n, &words, &long_words, &caps);
	return words >= 2 && words <= 8 && long_words && caps == long_words;
}
