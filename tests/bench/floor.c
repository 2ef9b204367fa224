/* floor.c - the bare floor of the benchmark (issue 9): a plain libharu
 * program that sets the same text as the handbook with naive greedy
 * wrapping, one embedded TrueType font, compression on. No hyphenation,
 * no justification, no contents, index, links or bookmarks: what any PDF
 * of this text costs at least, in time and in bytes.
 *
 *   cc -O2 -o floor floor.c -lhpdf
 *   floor TEXT FONT.ttf OUT.pdf
 *
 * TEXT is `gen.py N --text TEXT`: the printed text of every question, a
 * paragraph a line (UTF-8). The page geometry is the default template's:
 * A4, margins 20/22/22/20 mm, 10.5 pt on 1.32 leading, 5 pt between
 * paragraphs. Prints "pages bytes" on stdout. */
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MM (72.0 / 25.4)
#define PAGE_W 595.276
#define PAGE_H 841.890
#define M_TOP (20 * MM)
#define M_BOTTOM (22 * MM)
#define M_LEFT (22 * MM)
#define M_RIGHT (20 * MM)
#define SIZE 10.5
#define LEADING (1.32 * SIZE)
#define PARA_SPACE 5.0

typedef struct floor_state {
	HPDF_Doc pdf;
	HPDF_Font font;
	HPDF_Page page;
	double y; /* baseline of the next line, points from the bottom */
	long pages;
} floor_state;

static void on_error(HPDF_STATUS e, HPDF_STATUS detail, void *data)
{
	(void)data;
	fprintf(stderr, "floor: libharu error 0x%04X (detail %u)\n",
	        (unsigned)e, (unsigned)detail);
	exit(1);
}

static void new_page(floor_state *s)
{
	s->page = HPDF_AddPage(s->pdf);
	HPDF_Page_SetWidth(s->page, PAGE_W);
	HPDF_Page_SetHeight(s->page, PAGE_H);
	HPDF_Page_SetFontAndSize(s->page, s->font, SIZE);
	s->y = PAGE_H - M_TOP - SIZE;
	s->pages++;
}

static void emit_line(floor_state *s, const char *text)
{
	if (!s->page || s->y < M_BOTTOM)
		new_page(s);
	HPDF_Page_BeginText(s->page);
	HPDF_Page_TextOut(s->page, M_LEFT, s->y, text);
	HPDF_Page_EndText(s->page);
	s->y -= LEADING;
}

/* Greedy wrapping: as many words as fit, measured word by word. */
static void set_paragraph(floor_state *s, char *para)
{
	const double measure = PAGE_W - M_LEFT - M_RIGHT;
	const double space = HPDF_Page_TextWidth(s->page, " ");
	size_t cap = strlen(para) + 1, n = 0;
	char *line = malloc(cap);
	double width = 0;
	for (char *w = strtok(para, " "); w; w = strtok(NULL, " ")) {
		double ww = HPDF_Page_TextWidth(s->page, w);
		if (n && width + space + ww > measure) {
			line[n] = '\0';
			emit_line(s, line);
			n = 0;
			width = 0;
		}
		if (n) {
			line[n++] = ' ';
			width += space;
		}
		size_t len = strlen(w);
		memcpy(line + n, w, len);
		n += len;
		width += ww;
	}
	if (n) {
		line[n] = '\0';
		emit_line(s, line);
	}
	free(line);
	s->y -= PARA_SPACE;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: floor TEXT FONT.ttf OUT.pdf\n");
		return 2;
	}
	FILE *in = fopen(argv[1], "r");
	if (!in) {
		perror(argv[1]);
		return 1;
	}
	floor_state s = {0};
	s.pdf = HPDF_New(on_error, NULL);
	HPDF_SetCompressionMode(s.pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(s.pdf);
	HPDF_SetCurrentEncoder(s.pdf, "UTF-8");
	const char *name = HPDF_LoadTTFontFromFile(s.pdf, argv[2], HPDF_TRUE);
	s.font = HPDF_GetFont(s.pdf, name, "UTF-8");
	new_page(&s);
	char *para = NULL;
	size_t cap = 0;
	ssize_t len;
	while ((len = getline(&para, &cap, in)) > 0) {
		if (para[len - 1] == '\n')
			para[--len] = '\0';
		if (len)
			set_paragraph(&s, para);
	}
	free(para);
	fclose(in);
	HPDF_SaveToFile(s.pdf, argv[3]);
	HPDF_Free(s.pdf);
	FILE *out = fopen(argv[3], "rb");
	long bytes = -1;
	if (out && fseek(out, 0, SEEK_END) == 0)
		bytes = ftell(out);
	if (out)
		fclose(out);
	printf("%ld %ld\n", s.pages, bytes);
	return 0;
}
