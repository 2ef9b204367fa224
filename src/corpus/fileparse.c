/* fileparse.c - see fileparse.h. */
#include "corpus/fileparse.h"

#include <stdlib.h>
#include <string.h>

#include "corpus/repair.h"
#include "corpus/text.h"
#include "util/mem.h"

static void keep_msg(void *ctx, sp_severity sev, unsigned line, unsigned col,
                     const char *msg)
{
	ld_parse *p = ctx;
	p->msgs = xgrow(p->msgs, &p->cap_msgs, p->nmsgs + 1, sizeof *p->msgs);
	p->msgs[p->nmsgs++] = (ld_ymsg){sev, line, col, xstrdup(msg)};
}

/* The one error libyaml gives for ": " in a plain value. */
static int colon_error(const ld_parse *p)
{
	return p->nmsgs == 1 &&
	       strstr(p->msgs[0].text, "mapping values are not allowed");
}

static void parse(ld_parse *p)
{
	p->bad = text_utf8_invalid(p->data, p->len);
	if (p->bad != TEXT_OK) {
		p->rc = -1;
		return;
	}
	p->rc = ytree_parse(&p->tree, p->data, p->len, keep_msg, p);
	if (p->rc == 0 || !colon_error(p))
		return;
	yrepair r;
	if (yrepair_colons(&r, p->data, p->len) < 0)
		return;
	ytree t2;
	if (ytree_parse(&t2, r.data, r.len, NULL, NULL) == 0) {
		yrepair_restyle(&r, &t2);
		ytree_free(&p->tree);
		p->tree = t2;
		p->rc = 0;
		free(p->msgs[0].text); /* the first error is answered */
		p->nmsgs = 0;
	} else {
		ytree_free(&t2);
	}
	yrepair_free(&r);
}

static void init(ld_parse *p, const char *data, size_t len)
{
	memset(p, 0, sizeof *p);
	p->data = data;
	p->len = len;
}

void ld_parse_run(ld_parse *p, const char *data, size_t len)
{
	init(p, data, len);
	parse(p);
}

/* 1 for the first of the helper and the waiter to ask: it parses. */
static int claim(ld_parse *p)
{
	int expect = 0;
	return __atomic_compare_exchange_n(&p->claimed, &expect, 1, 0,
	                                   __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

static void *parse_thread(void *arg)
{
	if (claim(arg))
		parse(arg);
	return NULL;
}

void ld_parse_start(ld_parse *p, const char *data, size_t len)
{
	init(p, data, len);
	p->threaded = pthread_create(&p->tid, NULL, parse_thread, p) == 0;
	if (!p->threaded)
		parse(p);
}

void ld_parse_wait(ld_parse *p)
{
	if (p->threaded && claim(p))
		parse(p); /* its thread had not begun: it now ends at once */
	if (p->threaded)
		pthread_join(p->tid, NULL);
	p->threaded = 0;
}

void ld_parse_free(ld_parse *p)
{
	ld_parse_wait(p);
	ytree_free(&p->tree);
	for (size_t i = 0; i < p->nmsgs; i++)
		free(p->msgs[i].text);
	free(p->msgs);
	p->msgs = NULL;
	p->nmsgs = p->cap_msgs = 0;
}
