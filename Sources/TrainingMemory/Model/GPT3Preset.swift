/// One model of the GPT-3 family, as Brown et al. (2020) list it in Table 2.1.
///
/// Parameter counts are computed from the architecture, not copied from the table:
/// 12·L·d² for the attention and MLP blocks (4d² + 8d² per layer) plus (V + n_ctx)·d for the
/// token and position embeddings. Biases and layer norms add under 0.1 % and are left out.
public struct GPT3Preset: Sendable, Equatable {
  /// The name `workbook calc --model` accepts, for example `gpt3-175b`.
  public let name: String
  /// The paper's name, for example "GPT-3 175B".
  public let displayName: String
  /// Transformer layers, n_layers.
  public let layers: UInt64
  /// Hidden size, d_model.
  public let hidden: UInt64
  /// Attention heads, n_heads.
  public let heads: UInt64
  /// Size of one head, d_head, as the table gives it.
  public let headSize: UInt64
  /// The parameter count the paper states (rounded), for comparison.
  public let statedParameters: Double
  /// The training batch, in tokens, as the paper states it.
  public let batchTokens: UInt64

  /// GPT-2's vocabulary, which GPT-3 reuses.
  public static let vocabulary: UInt64 = 50257
  /// The context length of every GPT-3 model.
  public static let context: UInt64 = 2048

  /// 12·L·d² + (V + n_ctx)·d.
  public var parameters: UInt64 {
    12 * layers * hidden * hidden + (Self.vocabulary + Self.context) * hidden
  }

  /// The eight models of Table 2.1. The table is inconsistent in two rows, kept as printed:
  /// GPT-3 XL lists 24 heads of 128 (3072, not its d_model of 2048), and GPT-3 13B lists
  /// d_model = 5140 while its 40 heads of 128 make 5120.
  public static let family: [GPT3Preset] = [
    GPT3Preset("gpt3-small", "GPT-3 Small", 12, 768, 12, 64, 125e6, 500_000),
    GPT3Preset("gpt3-medium", "GPT-3 Medium", 24, 1024, 16, 64, 350e6, 500_000),
    GPT3Preset("gpt3-large", "GPT-3 Large", 24, 1536, 16, 96, 760e6, 500_000),
    GPT3Preset("gpt3-xl", "GPT-3 XL", 24, 2048, 24, 128, 1.3e9, 1_000_000),
    GPT3Preset("gpt3-2.7b", "GPT-3 2.7B", 32, 2560, 32, 80, 2.7e9, 1_000_000),
    GPT3Preset("gpt3-6.7b", "GPT-3 6.7B", 32, 4096, 32, 128, 6.7e9, 2_000_000),
    GPT3Preset("gpt3-13b", "GPT-3 13B", 40, 5140, 40, 128, 13e9, 2_000_000),
    GPT3Preset("gpt3-175b", "GPT-3 175B", 96, 12288, 96, 128, 175e9, 3_200_000),
  ]

  /// The preset called `name` (case does not matter).
  ///
  /// - Throws: `TrainingMemoryError` listing the known names.
  public static func named(_ name: String) throws -> GPT3Preset {
    if let preset = family.first(where: { $0.name == name.lowercased() }) { return preset }
    let known = family.map(\.name).joined(separator: ", ")
    throw TrainingMemoryError("unknown model \u{201C}\(name)\u{201D}; known models: \(known)")
  }

  private init(
    _ name: String, _ displayName: String, _ layers: UInt64, _ hidden: UInt64, _ heads: UInt64,
    _ headSize: UInt64, _ statedParameters: Double, _ batchTokens: UInt64
  ) {
    self.name = name
    self.displayName = displayName
    self.layers = layers
    self.hidden = hidden
    self.heads = heads
    self.headSize = headSize
    self.statedParameters = statedParameters
    self.batchTokens = batchTokens
  }
}
