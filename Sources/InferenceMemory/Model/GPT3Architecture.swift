/// One row of the GPT-3 family's table (Brown et al. 2020, "Language Models are Few-Shot
/// Learners", Table 2.1), as printed in the paper.
///
/// The rows are kept exactly as published, inconsistencies included: for GPT-3 13B the paper
/// prints d_model = 5140 although 40 heads × 128 = 5120, and for GPT-3 XL 24 heads × 128 = 3072,
/// not the printed d_model of 2048. The lesson points both out.
public struct GPT3Architecture: Sendable, Equatable {
  /// The paper's model name, such as `"GPT-3 Small"`.
  public let name: String
  /// The parameter count the paper's table states, as text (`"125M"`).
  public let statedParameters: String
  /// n_layers: transformer blocks.
  public let layers: Int
  /// d_model: width of the residual stream.
  public let dModel: Int
  /// n_heads: attention heads per block.
  public let heads: Int
  /// d_head: width of one head.
  public let dHead: Int

  /// Creates a row.
  public init(
    name: String, statedParameters: String, layers: Int, dModel: Int, heads: Int, dHead: Int
  ) {
    self.name = name
    self.statedParameters = statedParameters
    self.layers = layers
    self.dModel = dModel
    self.heads = heads
    self.dHead = dHead
  }

  /// GPT-3's vocabulary: 50257 byte-pair tokens (the GPT-2 tokenizer).
  public static let vocabulary = 50257
  /// GPT-3's context window n_ctx: 2048 tokens.
  public static let context = 2048

  /// The eight models of the paper's Table 2.1, smallest first.
  public static let family: [GPT3Architecture] = [
    .init(
      name: "GPT-3 Small", statedParameters: "125M", layers: 12, dModel: 768, heads: 12, dHead: 64),
    .init(
      name: "GPT-3 Medium", statedParameters: "350M", layers: 24, dModel: 1024, heads: 16, dHead: 64
    ),
    .init(
      name: "GPT-3 Large", statedParameters: "760M", layers: 24, dModel: 1536, heads: 16, dHead: 96),
    .init(
      name: "GPT-3 XL", statedParameters: "1.3B", layers: 24, dModel: 2048, heads: 24, dHead: 128),
    .init(
      name: "GPT-3 2.7B", statedParameters: "2.7B", layers: 32, dModel: 2560, heads: 32, dHead: 80),
    .init(
      name: "GPT-3 6.7B", statedParameters: "6.7B", layers: 32, dModel: 4096, heads: 32, dHead: 128),
    .init(
      name: "GPT-3 13B", statedParameters: "13B", layers: 40, dModel: 5140, heads: 40, dHead: 128),
    .init(
      name: "GPT-3 175B", statedParameters: "175B", layers: 96, dModel: 12288, heads: 96, dHead: 128
    ),
  ]

  /// The family's row with this short name (`"Small"`, `"13B"`, ...), for the figures.
  static func named(_ short: String) -> GPT3Architecture? {
    family.first { $0.name == "GPT-3 " + short }
  }

  /// The parameter count from the architecture, the kit's own closed form for the figures:
  /// each block has 4·d² in attention (Q, K, V, output) and 8·d² in the MLP (d → 4d → d), so
  /// 12·L·d²; the token embedding (V × d, shared with the output layer) and the learned position
  /// embedding (n_ctx × d) add (V + n_ctx)·d. Biases and layer norms (about 13·L·d) are left out,
  /// as the lesson explains: they change the total by less than 0.1 %.
  func parameterCount(dModel overriddenWidth: Int? = nil) -> Int {
    let d = overriddenWidth ?? dModel
    return 12 * layers * d * d + (Self.vocabulary + Self.context) * d
  }
}
