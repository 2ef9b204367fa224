/* env.h - the project's switches in the environment. */
#ifndef SP_UTIL_ENV_H
#define SP_UTIL_ENV_H

/* Non-zero when the variable is set to a non-empty value other than "0"
 * (SP_TIMING=1, SP_NO_PREFETCH=yes; SP_TIMING=0 or SP_TIMING= is off). */
int env_flag(const char *name);

#endif
