/* A stand-in for bcryptprimitives.dll in the Wine prefix of the Windows check only: Wine 8
 * (Debian 12) lacks it, and Rust's standard library takes its random bytes from ProcessPrng
 * there. Real Windows 10/11 have the DLL; the installer never ships this one. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom, advapi32 */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, n)) return FALSE;
        data += n;
        length -= n;
    }
    return TRUE;
}
