#include "cicu.h"
#include <unicode/utypes.h>

const char *cicu_status_name(int32_t status) { return u_errorName((UErrorCode)status); }
