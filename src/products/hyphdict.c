/* hyphdict.c - which libhyphen dictionary a corpus's language uses
 * (typeset.h: typeset_hyphen_dict). */
#include "products/typeset.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/mem.h"

#define HYPH_DIR "/usr/share/hyphen"
#define HYPH_DEFAULT HYPH_DIR "/hyph_en_US.dic"

/* "de-CH", "de_ch", "DE" -> ll "de", cc "CH" (or ""). Returns 0, or -1
 * for something that is no language tag. */
static int split_tag(const char *tag, char ll[4], char cc[4])
{
	size_t i = 0;
	while (i < 3 && isalpha((unsigned char)tag[i])) {
		ll[i] = (char)tolower((unsigned char)tag[i]);
		i++;
	}
	ll[i] = '\0';
	cc[0] = '\0';
	if (i < 2 || (tag[i] && tag[i] != '-' && tag[i] != '_'))
		return -1;
	if (!tag[i])
		return 0;
	const char *c = tag + i + 1;
	if (isalpha((unsigned char)c[0]) && isalpha((unsigned char)c[1]) &&
	    (!c[2] || c[2] == '-' || c[2] == '_')) {
		cc[0] = (char)toupper((unsigned char)c[0]);
		cc[1] = (char)toupper((unsigned char)c[1]);
		cc[2] = '\0';
	}
	return 0;
}

static char *existing(const char *name)
{
	sp_buf b = SP_BUF_INIT;
	buf_printf(&b, "%s/%s", HYPH_DIR, name);
	if (access(b.data, R_OK) == 0)
		return buf_detach(&b);
	buf_free(&b);
	return NULL;
}

/* The first (in byte order) hyph_LL_*.dic, or NULL. */
static char *any_region(const char *ll)
{
	DIR *dir = opendir(HYPH_DIR);
	if (!dir)
		return NULL;
	char prefix[16], best[256] = "";
	snprintf(prefix, sizeof prefix, "hyph_%s_", ll);
	struct dirent *e;
	while ((e = readdir(dir)) != NULL) {
		size_t n = strlen(e->d_name);
		if (strncmp(e->d_name, prefix, strlen(prefix)) || n < 5 ||
		    n >= sizeof best || strcmp(e->d_name + n - 4, ".dic"))
			continue;
		if (!best[0] || strcmp(e->d_name, best) < 0)
			strcpy(best, e->d_name);
	}
	closedir(dir);
	return best[0] ? existing(best) : NULL;
}

char *typeset_hyphen_dict(const char *language)
{
	char ll[4], cc[4];
	if (!language || split_tag(language, ll, cc) || !strcmp(ll, "en"))
		return xstrdup(HYPH_DEFAULT);
	char name[32];
	char *p = NULL;
	if (cc[0]) {
		snprintf(name, sizeof name, "hyph_%s_%s.dic", ll, cc);
		p = existing(name);
	}
	if (!p) {
		snprintf(name, sizeof name, "hyph_%s.dic", ll);
		p = existing(name);
	}
	if (!p)
		p = any_region(ll);
	return p ? p : xstrdup(HYPH_DEFAULT);
}
