/* datadir.h - where the bundled data is: content/, templates/ and fonts/.
 *
 * The one place that knows: the CLI (the default corpus), the template
 * loader (templates/NAME.yaml) and the font device (fonts/manifest.txt)
 * all ask here. Search order:
 *   1. $STUDYPRESS_DATA_DIR when it is set and not empty, and then only
 *      it (a directory holding content/, templates/ or fonts/; see
 *      sp_data_env_problem);
 *   2. the installed tree relative to the executable: BIN/SP_DATADIR_REL
 *      (set by CMake from GNUInstallDirs, "../share/studypress"), so an
 *      installed tree works wherever it is moved;
 *   3. a build tree inside the source tree: the directory above the
 *      executable's (build/studypress), or two above (build/sub/studypress);
 *   4. the configured install prefix's data directory (SP_INSTALL_DATADIR).
 * In 2-4 the first that holds a content/ directory wins. Safe to call
 * from any thread. */
#ifndef SP_UTIL_DATADIR_H
#define SP_UTIL_DATADIR_H

/* The data directory (a canonical path, static storage), or NULL. */
const char *sp_data_dir(void);
/* DIR/item (e.g. "templates", "fonts/manifest.txt") when it exists,
 * newly allocated (free it); NULL when it does not. */
char *sp_data_path(const char *item);
/* When $STUDYPRESS_DATA_DIR is set but names no usable data directory:
 * what is wrong with it, a message such as "STUDYPRESS_DATA_DIR is
 * '/x': no such directory" (static storage); otherwise NULL. */
const char *sp_data_env_problem(void);

#endif
