// Debian's OpenBLAS (libopenblas-dev): the matrix products of the sentence
// encoder (Sources/ArxiveKit/Semantic). On macOS, Accelerate serves instead.
#include <cblas.h>
