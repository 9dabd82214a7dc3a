/// The element types a tensor is stored in, with the bits each element occupies in memory.
///
/// tf32 is a compute mode of NVIDIA tensor cores: its values have 19 significant bits but are
/// stored in ordinary 32-bit words, so in memory it costs what fp32 costs. int4 packs two
/// elements into one byte, which is why a tensor's size in bytes is `⌈count × bits ÷ 8⌉`.
public enum ElementType: String, CaseIterable, Sendable {
  /// IEEE binary64, 8 bytes.
  case fp64
  /// IEEE binary32, 4 bytes.
  case fp32
  /// TensorFloat-32: fp32's exponent and fp16's fraction, stored as 4 bytes.
  case tf32
  /// IEEE binary16, 2 bytes.
  case fp16
  /// bfloat16: fp32's exponent, 7 fraction bits, 2 bytes.
  case bf16
  /// An 8-bit float (E4M3 or E5M2), 1 byte.
  case fp8
  /// An 8-bit integer, 1 byte.
  case int8
  /// A 4-bit integer: two elements share one byte.
  case int4

  /// Bits one element occupies in memory (not the bits that carry precision: tf32 says 32).
  public var storageBits: Int {
    switch self {
    case .fp64: return 64
    case .fp32, .tf32: return 32
    case .fp16, .bf16: return 16
    case .fp8, .int8: return 8
    case .int4: return 4
    }
  }

  /// Bytes one element occupies: 0.5 for int4.
  public var bytesPerElement: Double { Double(storageBits) / 8 }

  /// The name the lessons print, such as `"fp16"`.
  public var name: String { rawValue }
}
