/* starter.h - the starter corpus `studypress init` writes (starter.c). */
#ifndef SP_CLI_STARTER_H
#define SP_CLI_STARTER_H

#include <stddef.h>

typedef struct cli_starter_file {
	const char *name; /* file name inside the corpus directory */
	const char *text; /* the file's UTF-8 text */
	size_t len;       /* bytes */
} cli_starter_file;

extern const cli_starter_file cli_starter_files[];
extern const size_t cli_starter_nfiles;

#endif
