#include "cicu.h"
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

uint32_t cicu_char_flags(uint32_t codePoint) {
    UChar32 c = (UChar32)codePoint;
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
    uint32_t flags = 0;
    if (uscript_getScript(c, &status) == USCRIPT_HAN && U_SUCCESS(status)) flags |= CICU_CHAR_HAN;
    if (u_hasBinaryProperty(c, UCHAR_WHITE_SPACE)) flags |= CICU_CHAR_WHITESPACE;
    if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) flags |= CICU_CHAR_IGNORABLE;
    uint32_t category = U_GET_GC_MASK(c);
    if (category & U_GC_CC_MASK) flags |= CICU_CHAR_CONTROL;
    if (category & U_GC_P_MASK) flags |= CICU_CHAR_PUNCTUATION;
    if (category & U_GC_S_MASK) flags |= CICU_CHAR_SYMBOL;
    if (category & U_GC_L_MASK) flags |= CICU_CHAR_LETTER;
    if (category & U_GC_ND_MASK) flags |= CICU_CHAR_DIGIT;
    if (U_SUCCESS(status) && nfkc != NULL) {
        if (unorm2_isInert(nfkc, c)) flags |= CICU_CHAR_NFKC_INERT;
        if (unorm2_hasBoundaryBefore(nfkc, c)) flags |= CICU_CHAR_NFKC_BOUNDARY_BEFORE;
        UChar units[2];
        int32_t length = 0;
        U16_APPEND_UNSAFE(units, length, c);
        UErrorCode check = U_ZERO_ERROR;
        if (unorm2_isNormalized(nfkc, units, length, &check) && U_SUCCESS(check)) flags |= CICU_CHAR_NFKC_STABLE;
    }
    return flags;
}

void cicu_fill_bmp_flags(uint16_t *flags) {
    for (uint32_t c = 0; c < 0x10000; c++) flags[c] = (uint16_t)cicu_char_flags(c);
}
