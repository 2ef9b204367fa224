/* datadir.h - where the bundled data is: content/, templates/ and fonts/.
 *
 * The one place that knows: the CLI (the default corpus), the template
 * loader (templates/NAME.yaml) and the font device (fonts/manifest.txt)
 * all ask here. Search order: the directory above the executable's (a
 * build tree inside the source tree: build/studypress), the one two
 * levels up (build/sub/studypress), then the install prefix's data
 * directory (SP_INSTALL_DATADIR, set by CMake for this file only); the
 * first that holds a content/ directory wins. Safe to call from any
 * thread. */
#ifndef SP_UTIL_DATADIR_H
#define SP_UTIL_DATADIR_H

/* The data directory (a canonical path, static storage), or NULL. */
const char *sp_data_dir(void);
/* DIR/item (e.g. "templates", "fonts/manifest.txt") when it exists,
 * newly allocated (free it); NULL when it does not. */
char *sp_data_path(const char *item);

#endif
