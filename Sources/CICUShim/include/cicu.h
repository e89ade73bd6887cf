// CICUShim: the only code in triage that includes ICU's headers.
//
// Swift cannot import ICU's headers directly on this toolchain: a Swift module that sees both ICU's clang module and
// Foundation fails to compile (ICU's UErrorCode clashes with the copy inside Foundation's private ICU), and ICU's
// functions are exported under versioned names (ubrk_open_72) that its renaming macros hide from Swift. So this header
// uses opaque handles and plain integer types only; the .c files include ICU and call it normally.
//
// Text is UTF-16 (uint16_t) as ICU wants it. Every function that can fail returns or fills an ICU status code
// (0 = success, > 0 = error, < 0 = warning); cicu_status_name() names it.
#ifndef CICU_SHIM_H
#define CICU_SHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The name of an ICU status code, such as "U_ILLEGAL_CHAR_FOUND".
const char *cicu_status_name(int32_t status);

// MARK: - Character properties

/// Bit flags describing one code point, as returned by cicu_char_flags().
enum {
    CICU_CHAR_HAN = 1 << 0,               ///< Script=Han.
    CICU_CHAR_WHITESPACE = 1 << 1,        ///< White_Space.
    CICU_CHAR_IGNORABLE = 1 << 2,         ///< Default_Ignorable_Code_Point (zero-width and other invisible characters).
    CICU_CHAR_CONTROL = 1 << 3,           ///< General category Cc.
    CICU_CHAR_NFKC_INERT = 1 << 4,        ///< NFKC leaves it alone and never combines it with its neighbours.
    CICU_CHAR_PUNCTUATION = 1 << 5,       ///< General category P*.
    CICU_CHAR_SYMBOL = 1 << 6,            ///< General category S*.
    CICU_CHAR_LETTER = 1 << 7,            ///< General category L*.
    CICU_CHAR_DIGIT = 1 << 8,             ///< General category Nd.
    CICU_CHAR_NFKC_BOUNDARY_BEFORE = 1 << 9, ///< NFKC has a boundary before it.
    CICU_CHAR_NFKC_STABLE = 1 << 10,      ///< NFKC of the character alone is the character itself.
};

/// The CICU_CHAR_* flags of a code point.
uint32_t cicu_char_flags(uint32_t codePoint);

/// Fills flags[i] with cicu_char_flags(i) for every BMP code point (flags must hold 65536 entries).
void cicu_fill_bmp_flags(uint16_t *flags);

// MARK: - Normalisation

/// NFKC-normalises text into out. Returns the output length, or -1 with *status set.
int32_t cicu_nfkc(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity, int32_t *status);

// MARK: - Transliteration

typedef struct cicu_transliterator cicu_transliterator;

/// Opens a transliterator by ICU id (e.g. "Traditional-Simplified", "Han-Latin; Latin-ASCII"). NULL on failure.
cicu_transliterator *cicu_transliterator_open(const char *identifier, int32_t *status);
void cicu_transliterator_close(cicu_transliterator *transliterator);

/// Transliterates text in place. capacity is the buffer's size in UTF-16 units; returns the new length, or -1 with
/// *status set (U_BUFFER_OVERFLOW_ERROR when the result does not fit).
int32_t cicu_transliterate(const cicu_transliterator *transliterator, uint16_t *text, int32_t length,
                           int32_t capacity, int32_t *status);

// MARK: - Word break iteration

typedef struct cicu_word_breaker cicu_word_breaker;

/// Opens a word break iterator for a locale ("zh"). Not thread-safe: one per thread. NULL on failure.
cicu_word_breaker *cicu_word_breaker_open(const char *locale, int32_t *status);
void cicu_word_breaker_close(cicu_word_breaker *breaker);

/// Finds the word boundaries of text. boundaries receives every boundary after 0 (the last is length) and statuses the
/// rule status of the word ending there (ICU's UBRK_WORD_* ranges: <100 none, 100.. number, 200.. letter, 300.. kana,
/// 400.. ideographic). Both arrays need length entries. Returns the boundary count, or -1 with *status set.
/// ICU does not copy the text: it is only read during this call.
int32_t cicu_word_breaker_boundaries(cicu_word_breaker *breaker, const uint16_t *text, int32_t length,
                                     int32_t *boundaries, int32_t *statuses, int32_t *status);

// MARK: - Conversion and detection

/// Checks that ICU has a converter for an encoding name; writes its canonical name (up to capacity bytes, with NUL).
int32_t cicu_converter_name(const char *name, char *canonical, int32_t capacity, int32_t *status);

/// Decodes bytes in an encoding to UTF-16. out needs 2 * length + 2 units. In strict mode (lossy == 0), the first
/// invalid or unmappable byte sequence stops the conversion: the result is -1, *status is set and *errorOffset and
/// *errorLength locate the sequence. In lossy mode such sequences become U+FFFD and are counted in *replacements.
/// Returns the number of UTF-16 units written.
int32_t cicu_decode(const char *encoding, const uint8_t *bytes, int32_t length, uint16_t *out, int32_t capacity,
                    int32_t lossy, int32_t *replacements, int32_t *errorOffset, int32_t *errorLength,
                    int32_t *status);

/// Encodes UTF-16 text in an encoding. Returns the number of bytes written, or -1 with *status set
/// (U_BUFFER_OVERFLOW_ERROR when out is too small: 4 bytes per UTF-16 unit always suffice).
/// Characters the encoding cannot represent become its substitution character.
int32_t cicu_encode(const char *encoding, const uint16_t *text, int32_t length, uint8_t *out, int32_t capacity,
                    int32_t *status);

/// Runs ICU's charset detector. Writes up to maxMatches candidates, best first: names as NUL-terminated strings of at
/// most 32 bytes each (names + 32 * i) and confidences (0-100). Returns the number written, or -1 with *status set.
int32_t cicu_detect(const uint8_t *bytes, int32_t length, char *names, int32_t *confidences, int32_t maxMatches,
                    int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
