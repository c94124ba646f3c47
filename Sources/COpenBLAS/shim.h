// Debian's OpenBLAS (libopenblas-dev): the declarations of the sentence
// encoder's matrix products (Sources/ArxiveKit/Semantic/MatrixProduct.swift).
// The library is not linked: it is opened when the encoder first runs (see
// there why), so that a command that never embeds does not load it.
#include <cblas.h>
