#include "cicu.h"
#include <stdlib.h>
#include <unicode/ubrk.h>

struct cicu_word_breaker { UBreakIterator *icu; };

cicu_word_breaker *cicu_word_breaker_open(const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *icu = ubrk_open(UBRK_WORD, locale, NULL, 0, &error);
    *status = error;
    if (U_FAILURE(error)) return NULL;
    cicu_word_breaker *result = malloc(sizeof *result);
    if (result == NULL) { ubrk_close(icu); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    result->icu = icu;
    return result;
}

void cicu_word_breaker_close(cicu_word_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->icu);
    free(breaker);
}

int32_t cicu_word_breaker_boundaries(cicu_word_breaker *breaker, const uint16_t *text, int32_t length,
                                     int32_t *boundaries, int32_t *statuses, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    ubrk_setText(breaker->icu, (const UChar *)text, length, &error);
    if (U_FAILURE(error)) { *status = error; return -1; }
    int32_t count = 0;
    ubrk_first(breaker->icu);
    for (int32_t boundary = ubrk_next(breaker->icu); boundary != UBRK_DONE && count < length;
         boundary = ubrk_next(breaker->icu)) {
        boundaries[count] = boundary;
        statuses[count] = ubrk_getRuleStatus(breaker->icu);
        count++;
    }
    // Detach the iterator from the caller's buffer, which ICU never copied.
    ubrk_setText(breaker->icu, NULL, 0, &error);
    *status = U_ZERO_ERROR;
    return count;
}
