/* status.h - what a product's work came to. Products report problems
 * through the diagnostics and return one of these; src/cli/ turns it into
 * the exit status (cli_exit_code). Ordered by severity: when several
 * things went wrong, the larger value is the one to report
 * (product_worse). */
#ifndef SP_PRODUCTS_STATUS_H
#define SP_PRODUCTS_STATUS_H

typedef enum product_status {
	PRODUCT_OK = 0,
	PRODUCT_INVALID,     /* invalid input: corpus, template, CSV, a pick
	                      * the pool cannot satisfy, a page limit */
	PRODUCT_USAGE,       /* a request that names nothing known (an unknown
	                      * --paper, a --mix of unknown categories) */
	PRODUCT_IO,          /* a file could not be read or written */
	PRODUCT_STOPPED_INT, /* a batch stopped by SIGINT */
	PRODUCT_STOPPED_TERM /* a batch stopped by SIGTERM */
} product_status;

static inline product_status product_worse(product_status a, product_status b)
{
	return a > b ? a : b;
}

#endif
