// The system zlib, for reading gzip-compressed arXiv snapshots.
#include <zlib.h>
