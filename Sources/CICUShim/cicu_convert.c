#include "cicu.h"
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>

int32_t cicu_converter_name(const char *name, char *canonical, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(name, &error);
    if (U_FAILURE(error)) { *status = error; return -1; }  // an unknown name fails with U_FILE_ACCESS_ERROR
    error = U_ZERO_ERROR;
    const char *found = ucnv_getName(converter, &error);
    if (U_SUCCESS(error)) {
        strncpy(canonical, found, (size_t)capacity - 1);
        canonical[capacity - 1] = 0;
    }
    ucnv_close(converter);
    *status = error;
    return U_FAILURE(error) ? -1 : 0;
}

typedef struct { int32_t count; } replacement_counter;

static void count_and_substitute(const void *context, UConverterToUnicodeArgs *args, const char *codeUnits,
                                 int32_t length, UConverterCallbackReason reason, UErrorCode *error) {
    if (reason <= UCNV_IRREGULAR) ((replacement_counter *)context)->count++;
    UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, codeUnits, length, reason, error);
}

int32_t cicu_decode(const char *encoding, const uint8_t *bytes, int32_t length, uint16_t *out, int32_t capacity,
                    int32_t lossy, int32_t *replacements, int32_t *errorOffset, int32_t *errorLength,
                    int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    *replacements = 0;
    *errorOffset = -1;
    *errorLength = 0;
    UConverter *converter = ucnv_open(encoding, &error);
    if (U_FAILURE(error)) { *status = error; return -1; }
    replacement_counter counter = { 0 };
    if (lossy) {
        ucnv_setToUCallBack(converter, count_and_substitute, &counter, NULL, NULL, &error);
    } else {
        ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &error);
    }
    const char *source = (const char *)bytes;
    const char *sourceLimit = source + length;
    UChar *target = (UChar *)out;
    ucnv_toUnicode(converter, &target, (UChar *)out + capacity, &source, sourceLimit, NULL, 1, &error);
    if (U_FAILURE(error)) {
        if (error == U_ILLEGAL_CHAR_FOUND || error == U_INVALID_CHAR_FOUND || error == U_TRUNCATED_CHAR_FOUND) {
            char invalid[32];
            int8_t invalidLength = (int8_t)sizeof invalid;
            UErrorCode ignored = U_ZERO_ERROR;
            ucnv_getInvalidChars(converter, invalid, &invalidLength, &ignored);
            if (U_FAILURE(ignored)) invalidLength = 0;
            *errorOffset = (int32_t)(source - (const char *)bytes) - invalidLength;
            *errorLength = invalidLength;
        }
        ucnv_close(converter);
        *status = error;
        return -1;
    }
    ucnv_close(converter);
    *replacements = counter.count;
    *status = U_ZERO_ERROR;
    return (int32_t)(target - (UChar *)out);
}

int32_t cicu_detect(const uint8_t *bytes, int32_t length, char *names, int32_t *confidences, int32_t maxMatches,
                    int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&error);
    if (U_FAILURE(error)) { *status = error; return -1; }
    ucsdet_setText(detector, (const char *)bytes, length, &error);
    int32_t found = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(detector, &found, &error);
    if (U_FAILURE(error)) {
        ucsdet_close(detector);
        *status = error == U_INVALID_CHAR_FOUND ? U_ZERO_ERROR : error;  // no match at all
        return error == U_INVALID_CHAR_FOUND ? 0 : -1;
    }
    int32_t written = 0;
    for (int32_t i = 0; i < found && written < maxMatches; i++) {
        const char *name = ucsdet_getName(matches[i], &error);
        int32_t confidence = ucsdet_getConfidence(matches[i], &error);
        if (U_FAILURE(error)) break;
        strncpy(names + 32 * written, name, 31);
        names[32 * written + 31] = 0;
        confidences[written] = confidence;
        written++;
    }
    ucsdet_close(detector);
    *status = error;
    return U_FAILURE(error) ? -1 : written;
}

int32_t cicu_encode(const char *encoding, const uint16_t *text, int32_t length, uint8_t *out, int32_t capacity,
                    int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(encoding, &error);
    if (U_FAILURE(error)) { *status = error; return -1; }
    int32_t written = ucnv_fromUChars(converter, (char *)out, capacity, (const UChar *)text, length, &error);
    ucnv_close(converter);
    *status = error;
    return U_FAILURE(error) ? -1 : written;
}
