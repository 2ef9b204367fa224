/* main.c - the studypress command line: dispatch to a subcommand. */
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/hugepages.h"
#include "util/timing.h"

typedef struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} command;

static const command commands[] = {
    {"init", cmd_init, "write a small, commented starter corpus into DIR"},
    {"check", cmd_check, "validate a corpus and report every problem"},
    {"list", cmd_list, "list the selected questions, one per line"},
    {"handbook", cmd_handbook, "render the study handbook as a PDF"},
    {"cards", cmd_cards, "flashcard sheets, duplex-correct, with crop marks"},
    {"worksheet", cmd_worksheet, "mock-interview worksheets and packets"},
    {"import", cmd_import, "turn guides and flashcard decks into a corpus"},
};

static void usage(FILE *f)
{
	fputs("usage: studypress COMMAND [OPTIONS]\n"
	      "       studypress --help | --version\n\n"
	      "Turn a YAML corpus of interview questions into print-ready "
	      "PDFs.\n\nCommands:\n",
	      f);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name,
		        commands[i].summary);
	fputs("\nRun 'studypress COMMAND --help' for a command's options.\n"
	      "Exit status: 0 ok, 1 invalid input, 2 usage error, "
	      "3 cannot read or write a file.\n",
	      f);
}

int main(int argc, char **argv)
{
	cli_huge_pages(argv); /* may start the program again */
	/* A run allocates a great many small blocks and a few large ones and
	 * frees most of them at the end: keep freed memory in the heap rather
	 * than returning it to the kernel and faulting it in again, and keep
	 * large buffers out of separate mappings. */
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TOP_PAD, 8 << 20);
	timing_mark("start");
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const char *name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h") ||
	    !strcmp(name, "help")) {
		usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(name, "--version") || !strcmp(name, "-V")) {
		printf("studypress %s\n", SP_VERSION);
		return EXIT_OK;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(name, commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "studypress: unknown command '%s'\n", name);
	usage(stderr);
	return EXIT_USAGE;
}
