#include "cicu.h"
#include <unicode/unorm2.h>

int32_t cicu_nfkc(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&error);
    if (U_FAILURE(error)) { *status = error; return -1; }
    int32_t written = unorm2_normalize(nfkc, (const UChar *)text, length, (UChar *)out, capacity, &error);
    *status = error;
    return U_FAILURE(error) ? -1 : written;
}
