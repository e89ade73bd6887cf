#include "cicu.h"
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

struct cicu_transliterator { UTransliterator *icu; };

cicu_transliterator *cicu_transliterator_open(const char *identifier, int32_t *status) {
    UChar id[256];
    int32_t length = (int32_t)strlen(identifier);
    if (length >= 256) { *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL; }
    u_charsToUChars(identifier, id, length);
    UErrorCode error = U_ZERO_ERROR;
    UTransliterator *icu = utrans_openU(id, length, UTRANS_FORWARD, NULL, 0, NULL, &error);
    *status = error;
    if (U_FAILURE(error)) return NULL;
    cicu_transliterator *result = malloc(sizeof *result);
    if (result == NULL) { utrans_close(icu); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    result->icu = icu;
    return result;
}

void cicu_transliterator_close(cicu_transliterator *transliterator) {
    if (transliterator == NULL) return;
    utrans_close(transliterator->icu);
    free(transliterator);
}

int32_t cicu_transliterate(const cicu_transliterator *transliterator, uint16_t *text, int32_t length,
                           int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars(transliterator->icu, (UChar *)text, &textLength, capacity, 0, &limit, &error);
    *status = error;
    return U_FAILURE(error) ? -1 : textLength;
}
