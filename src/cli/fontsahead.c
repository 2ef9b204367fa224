/* fontsahead.c - see fontsahead.h. */
#include "cli/fontsahead.h"

#include <pthread.h>
#include <stdlib.h>

#include "util/mem.h"

struct cli_fonts {
	const cli_common *c;
	sp_template *t; /* with r, when rc is EXIT_OK */
	sp_typeset r;
	int rc;
	sp_diag d; /* what opening them reported, into msgs */
	FILE *mem; /* open_memstream on msgs, or NULL: open in turn */
	char *msgs;
	size_t len;
	pthread_t tid;
	int threaded;
};

static void open_fonts(cli_fonts *f, sp_diag *d)
{
	f->t = cli_load_template(f->c, d, &f->rc);
	if (f->t && typeset_open(&f->r, f->t, d) != 0) {
		template_free(f->t);
		f->t = NULL;
		f->rc = EXIT_INVALID;
	}
}

static void *open_thread(void *arg)
{
	cli_fonts *f = arg;
	open_fonts(f, &f->d);
	return NULL;
}

cli_fonts *cli_fonts_start(const cli_common *c)
{
	cli_fonts *f = xcalloc(1, sizeof *f);
	f->c = c;
	f->mem = open_memstream(&f->msgs, &f->len);
	if (!f->mem)
		return f;
	diag_init(&f->d, f->mem);
	f->threaded = pthread_create(&f->tid, NULL, open_thread, f) == 0;
	if (!f->threaded) {
		fclose(f->mem);
		f->mem = NULL;
		free(f->msgs);
		f->msgs = NULL;
	}
	return f;
}

/* Waits for the thread, then hands what it reported to d (NULL: to
 * nowhere) and makes the fonts report through d (or count only). */
static void finish(cli_fonts *f, sp_diag *d)
{
	if (f->threaded)
		pthread_join(f->tid, NULL);
	f->threaded = 0;
	if (!f->mem)
		return;
	fclose(f->mem);
	f->mem = NULL;
	f->d.sink = NULL;
	if (f->t)
		typeset_set_diag(&f->r, d ? d : &f->d);
	if (d && d->sink && f->len)
		diag_emit(d->sink, f->msgs, f->len);
	if (d) {
		d->errors += f->d.errors;
		d->warnings += f->d.warnings;
	}
	free(f->msgs);
}

int cli_fonts_take(cli_fonts *f, sp_diag *d, sp_template **t, sp_typeset *r)
{
	int opened = f->threaded;
	finish(f, d);
	if (!opened)
		open_fonts(f, d); /* no thread: in turn, as before */
	int rc = f->rc;
	*t = f->t;
	if (f->t)
		*r = f->r;
	free(f);
	return rc;
}

void cli_fonts_cancel(cli_fonts *f)
{
	finish(f, NULL);
	if (f->t) {
		typeset_close(&f->r);
		template_free(f->t);
	}
	free(f);
}
