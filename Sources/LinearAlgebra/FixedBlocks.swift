import CLinearAlgebra
import ParallelWork

// MARK: - FixedBlocks

/// How clearcast runs BLAS in parallel: every OpenBLAS call is single-threaded, and large products
/// are cut into blocks **whose shapes depend only on the product's dimensions**, which run on up to
/// ``ParallelWork/width`` threads.
///
/// Why not OpenBLAS' own threads: OpenBLAS divides a product among its threads by the thread count,
/// and its kernels treat the edges of each thread's share with other code, so the last bits of a
/// result changed with `OPENBLAS_NUM_THREADS` (measured on the demo's return-pressure layer, Haswell
/// kernel: 1 and 2 threads differed in the last bit of its minimum). With fixed blocks every element
/// is computed by the same kernel code whatever the thread count, so results are byte-identical for
/// any ``width`` on a given OpenBLAS kernel. Different kernels (`OPENBLAS_CORETYPE`) still sum in
/// different orders; that difference is measured, not hidden (README, "Reproducibility").
///
/// ```swift
/// ParallelWork.setWidth(1)         // e.g. `--threads 1`, or a one-thread benchmark row
/// let c = try Matrix.multiply(a, b) // same bits as with any other width
/// ```
public enum FixedBlocks {
    /// Makes OpenBLAS single-threaded, once, before the first call (every wrapper calls this).
    static func prepareBLAS() { _ = singleThreadedBLAS }

    private static let singleThreadedBLAS: Void = { openblas_set_num_threads(1) }()

    // MARK: Block shapes

    /// A product smaller than this many multiply-adds runs as one call: threads would cost more than
    /// they save (about 0.1 ms of work on one core).
    static let minimumParallelWork = 1 << 22

    /// Blocks a product aims for: enough to balance up to 8 threads, few enough that re-packing the
    /// shared operand per block stays under ~10 % of the work (measured at 4000 x 4000).
    static let targetBlockCount = 8

    /// The pieces of `0 ..< extent` for a product of `work` multiply-adds: about ``targetBlockCount``
    /// nearly equal pieces aligned to 16, none under `minimum`, or one piece for small work.
    static func pieces(of extent: Int, work: Double, minimum: Int = 32) -> [Range<Int>] {
        guard extent > 0 else { return [] }
        guard work >= Double(minimumParallelWork), extent >= 2 * minimum else { return [0..<extent] }
        let perPiece = (extent + targetBlockCount - 1) / targetBlockCount
        let size = max(minimum, (perPiece + 15) / 16 * 16)
        return stride(from: 0, to: extent, by: size).map { $0..<min(extent, $0 + size) }
    }
}
