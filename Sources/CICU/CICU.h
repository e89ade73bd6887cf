// The ICU C API as Debian's libicu-dev installs it. Only the CICUShim target's .c files see these
// headers; Swift code never imports this module (ICU's UErrorCode clashes with Foundation's private copy).
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
