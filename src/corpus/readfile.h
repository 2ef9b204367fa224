/* readfile.h - corpus files on disk (internal). */
#ifndef SP_CORPUS_READFILE_H
#define SP_CORPUS_READFILE_H

#include "corpus/loader.h"
#include "util/buf.h"

/* Read corpus.files[file] into out. 0, or -1 after reporting. */
int ld_read_file(loader *L, size_t file, sp_buf *out);
/* Every *.yaml / *.yml under dir (hidden entries and symbolic links to
 * directories skipped), in byte order of their relative paths, as paths
 * joined to dir. -1 if there were more than CORPUS_MAX_FILES. */
int ld_list_dir(const char *dir, char ***files, size_t *n);

#endif
