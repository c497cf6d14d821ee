// The only place clearcast includes GDAL headers (Debian's libgdal-dev).
#ifndef CLEARCAST_CGDAL_SHIM_H
#define CLEARCAST_CGDAL_SHIM_H
#include <gdal.h>
#include <gdal_alg.h>
#include <gdalwarper.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_http.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <sys/stat.h>

// LeakSanitizer's region API, present only in sanitizer builds (weak: null otherwise). GDAL's
// one-time set-up keeps objects for the life of the process, and the virtual file systems it
// replaces (the network lock-down) are never freed by GDAL; without this, every fuzz and
// sanitizer run ended with a constant leak report that hid real findings.
extern void __lsan_disable(void) __attribute__((weak));
extern void __lsan_enable(void) __attribute__((weak));
static inline void clearcast_lsan_disable(void) { if (__lsan_disable) __lsan_disable(); }
static inline void clearcast_lsan_enable(void) { if (__lsan_enable) __lsan_enable(); }

// st_mode of `path` (following symbolic links when `follow` is non-zero, else lstat), or of the
// open `descriptor` when `path` is NULL; 0 (no file has type bits 0) with errno set on failure.
// Swift never touches `struct stat` itself: under MemberImportVisibility a release build of
// Swift 6.3 attributes the imported struct to CDispatch and refuses its members.
static inline unsigned int clearcast_file_mode(const char *path, int descriptor, int follow) {
    struct stat info;
    int result = path == NULL ? fstat(descriptor, &info) : (follow ? stat(path, &info) : lstat(path, &info));
    return result == 0 ? (unsigned int)info.st_mode : 0u;
}
#endif
