// The only place clearcast includes BLAS and LAPACK headers.
// Debian's libopenblas-dev provides cblas.h (with openblas_get_corename and
// openblas_get_num_threads); liblapacke-dev provides lapacke.h.
#ifndef CLEARCAST_CLINEARALGEBRA_SHIM_H
#define CLEARCAST_CLINEARALGEBRA_SHIM_H
#include <cblas.h>
#include <lapacke.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>

// Asks the kernel to back the whole 2 MiB pages inside [start, start + bytes) with transparent huge
// pages when they are first touched (Linux `madvise(MADV_HUGEPAGE)`; a no-op where unsupported).
// Matrices of 10^7 elements otherwise take one page fault per 4 KiB, which in a virtual machine costs
// as much as a fifth of the product that fills them. Returns 0, or an errno-style failure (ignored:
// this is advice, never needed for correctness).
static inline int clearcast_advise_huge_pages(void *start, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const uintptr_t huge = (uintptr_t)2 << 20;
    uintptr_t first = ((uintptr_t)start + huge - 1) & ~(huge - 1);
    uintptr_t end = ((uintptr_t)start + bytes) & ~(huge - 1);
    if (end <= first) return 0;
    return madvise((void *)first, (size_t)(end - first), MADV_HUGEPAGE);
#else
    (void)start; (void)bytes;
    return 0;
#endif
}
#endif
