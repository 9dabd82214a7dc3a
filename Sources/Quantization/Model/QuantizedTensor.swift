/// A tensor stored as integer codes plus the two numbers that map them back to real values.
///
/// The real value a code stands for is `scale × (q − zeroPoint)`. Symmetric schemes keep
/// `zeroPoint = 0`; affine schemes use it to make 0.0 land exactly on a code.
///
/// ```swift
/// let t = QuantizedTensor<Int8>(q: [-127, 0, 64], scale: 0.5, zeroPoint: 0)
/// // stands for [-63.5, 0, 32]
/// ```
public struct QuantizedTensor<Code: FixedWidthInteger & Sendable>: Sendable {
  /// The integer codes, one per element, in the order of the original values.
  public var q: [Code]
  /// The step between neighbouring codes, in the units of the original values.
  public var scale: Float
  /// The code that stands for 0.0.
  public var zeroPoint: Int

  /// Creates a tensor from its codes, scale and zero point.
  public init(q: [Code], scale: Float, zeroPoint: Int) {
    self.q = q
    self.scale = scale
    self.zeroPoint = zeroPoint
  }

  /// Bytes the codes occupy, plus 4 for an fp32 scale and 4 for an int32 zero point.
  public var storageBytes: Int {
    q.count * (Code.bitWidth / 8) + 8
  }
}

extension QuantizedTensor: Equatable {}

extension QuantizedTensor: Codable where Code: Codable {}

/// A row-major weight matrix quantized symmetrically to int8 with one scale per row.
///
/// Row `r` holds the weights that feed output channel `r`; its codes are
/// `q[r * columns ..< (r + 1) * columns]` and stand for `scales[r] × q`. Zero points are all 0 and
/// are not stored.
public struct PerChannelQuantizedTensor: Equatable, Sendable, Codable {
  /// The number of rows (output channels).
  public var rows: Int
  /// The number of columns (inputs per output channel).
  public var columns: Int
  /// The codes, row after row: `rows × columns` of them.
  public var q: [Int8]
  /// One scale per row.
  public var scales: [Float]

  /// Creates a per-channel tensor; the shapes are checked by whoever consumes it.
  public init(rows: Int, columns: Int, q: [Int8], scales: [Float]) {
    self.rows = rows
    self.columns = columns
    self.q = q
    self.scales = scales
  }

  /// Bytes this tensor occupies: 1 per code and 4 per fp32 scale.
  public var storageBytes: Int {
    q.count + 4 * scales.count
  }
}

/// Constants every scheme in this topic shares.
public enum QuantizationLimits {
  /// The smallest scale a calibration may return: fp32's machine epsilon, 2⁻²³, as PyTorch's
  /// observers clamp it, so that an all-zero tensor never gets a scale of 0 (and 0 / 0 = NaN).
  public static let minimumScale: Float = .ulpOfOne

  /// The largest inner dimension `k` whose int32 accumulator cannot overflow even when every
  /// product is (−128)² = 16384: ⌊(2³¹ − 1) / 16384⌋ = 131071.
  public static let maximumAccumulationDepth: Int = Int(Int32.max) / (128 * 128)
}
