/* corpus.c - the corpus model: freeing, lookups, plain text of rich text. */
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus.h"
#include "corpus/loader.h"
#include "corpus/richtext.h"
#include "util/buf.h"

static void text_list_free(sp_text_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i].s);
	free(l->items);
}

void corpus_question_free(sp_question *q)
{
	free(q->id);
	free(q->question.s);
	free(q->roles);
	for (size_t i = 0; i < q->ntopics; i++)
		free(q->topics[i]);
	free(q->topics);
	richtext_free(&q->why);
	richtext_free(&q->answer);
	text_list_free(&q->key_points);
	free(q->framework.name.s);
	for (size_t i = 0; i < q->framework.nsteps; i++) {
		free(q->framework.steps[i].label.s);
		free(q->framework.steps[i].prompt.s);
	}
	free(q->framework.steps);
	richtext_free(&q->tip);
	text_list_free(&q->follow_ups);
	text_list_free(&q->rubric_strong);
	text_list_free(&q->rubric_red_flags);
	free(q->related);
}

void corpus_free(sp_corpus *c)
{
	if (!c)
		return;
	free(c->title.s);
	free(c->subtitle.s);
	free(c->author.s);
	free(c->edition.s);
	free(c->language.s);
	richtext_free(&c->description);
	for (size_t i = 0; i < c->nroles; i++) {
		free(c->roles[i].id);
		free(c->roles[i].name);
		richtext_free(&c->roles[i].summary);
	}
	free(c->roles);
	for (size_t i = 0; i < c->ncategories; i++) {
		free(c->categories[i].id);
		free(c->categories[i].name);
		richtext_free(&c->categories[i].summary);
	}
	free(c->categories);
	for (size_t i = 0; i < c->nquestions; i++)
		corpus_question_free(&c->questions[i]);
	free(c->questions);
	for (size_t i = 0; i < c->nfiles; i++)
		free(c->files[i]);
	free(c->files);
	free(c);
}

long corpus_find_role(const sp_corpus *c, const char *id)
{
	for (size_t i = 0; i < c->nroles; i++)
		if (c->roles[i].id && !strcmp(c->roles[i].id, id))
			return (long)i;
	return -1;
}

long corpus_find_category(const sp_corpus *c, const char *id)
{
	for (size_t i = 0; i < c->ncategories; i++)
		if (c->categories[i].id && !strcmp(c->categories[i].id, id))
			return (long)i;
	return -1;
}

long corpus_find_question(const sp_corpus *c, const char *id)
{
	for (size_t i = 0; i < c->nquestions; i++)
		if (c->questions[i].id && !strcmp(c->questions[i].id, id))
			return (long)i;
	return -1;
}

const char *corpus_level_name(sp_level l)
{
	switch (l) {
	case LEVEL_JUNIOR:
		return "junior";
	case LEVEL_MID:
		return "mid";
	case LEVEL_SENIOR:
		return "senior";
	default:
		return NULL;
	}
}

char *rich_text_plain(const rich_text *rt)
{
	sp_buf b = SP_BUF_INIT;
	for (size_t i = 0; i < rt->nblocks; i++) {
		if (i)
			buf_putc(&b, '\n');
		for (size_t j = 0; j < rt->blocks[i].nruns; j++)
			buf_puts(&b, rt->blocks[i].runs[j].text);
	}
	return buf_detach(&b);
}
