// The only place clearcast includes BLAS and LAPACK headers.
// Debian's libopenblas-dev provides cblas.h (with openblas_get_corename and
// openblas_get_num_threads); liblapacke-dev provides lapacke.h.
#ifndef CLEARCAST_CLINEARALGEBRA_SHIM_H
#define CLEARCAST_CLINEARALGEBRA_SHIM_H
#include <cblas.h>
#include <lapacke.h>
#endif
