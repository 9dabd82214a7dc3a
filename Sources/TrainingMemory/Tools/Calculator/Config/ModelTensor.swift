/// One parameter tensor of a decoder, repeated `copies` times (once per layer, or once).
///
/// Matrices are written as PyTorch's nn.Linear holds them, `rows` = d_out by `columns` = d_in;
/// a vector (a norm's weight, a bias) has `columns` = 1.
public struct ModelTensor: Equatable, Sendable {
  /// What part a tensor plays, which decides how quantization, LoRA and Adafactor treat it.
  public enum Kind: Equatable, Sendable {
    /// A lookup table (token or position embeddings): never quantized or adapted.
    case embedding
    /// A linear layer's weight inside the decoder blocks: quantized by `--weights`, adaptable.
    case linear
    /// The output head (`lm_head`, `embed_out`): kept in 16 bits by bitsandbytes, and left out
    /// of PEFT's "all-linear".
    case outputHead
    /// A norm weight or a bias.
    case vector
  }

  /// The tensor's name with `*` for the layer index, as in a state dict.
  public let name: String
  /// d_out (matrices) or the length (vectors).
  public let rows: UInt64
  /// d_in (matrices) or 1 (vectors).
  public let columns: UInt64
  /// How many times the model holds it.
  public let copies: UInt64
  /// Its part.
  public let kind: Kind

  /// A tensor description.
  public init(_ name: String, rows: UInt64, columns: UInt64 = 1, copies: UInt64, kind: Kind) {
    self.name = name
    self.rows = rows
    self.columns = columns
    self.copies = copies
    self.kind = kind
  }

  /// The module a linear weight belongs to (`self_attn.q_proj` for
  /// `layers.*.self_attn.q_proj.weight`), which LoRA targets are matched against.
  public var module: String {
    var parts = name.split(separator: ".").map(String.init)
    if parts.last == "weight" || parts.last == "bias" { parts.removeLast() }
    if let star = parts.firstIndex(of: "*") { parts.removeFirst(star + 1) }
    return parts.joined(separator: ".")
  }

  /// Whether it is two-dimensional.
  public var isMatrix: Bool { kind != .vector }

  /// Elements of one copy.
  ///
  /// - Throws: `TrainingMemoryError` beyond 64 bits.
  public func elements() throws -> UInt64 {
    try Checked.multiply(rows, columns, "the elements of \(name)")
  }

  /// Elements of all copies.
  ///
  /// - Throws: `TrainingMemoryError` beyond 64 bits.
  public func totalElements() throws -> UInt64 {
    try Checked.multiply(try elements(), copies, "the elements of \(name)")
  }
}

extension ModelConfig {
  /// Every parameter tensor of the architecture, as its PyTorch module holds them.
  public var tensors: [ModelTensor] {
    switch architecture {
    case .llama, .mistral, .qwen2: return llamaTensors
    case .gpt2: return gpt2Tensors
    case .gptNeoX: return neoXTensors
    }
  }

  /// The exact parameter count: the sum over `tensors`.
  ///
  /// - Throws: `TrainingMemoryError` when it does not fit in 64 bits.
  public func parameterCount() throws -> UInt64 {
    try Checked.sum(try tensors.map { try $0.totalElements() }, "\(file): the parameter count")
  }

  /// A linear layer's weight and, when `bias`, its bias.
  private func linear(_ name: String, out: UInt64, in inputs: UInt64, bias: Bool)
    -> [ModelTensor]
  {
    let weight = ModelTensor(
      "layers.*.\(name).weight", rows: out, columns: inputs, copies: layers, kind: .linear)
    let biasTensor = ModelTensor("layers.*.\(name).bias", rows: out, copies: layers, kind: .vector)
    return bias ? [weight, biasTensor] : [weight]
  }

  /// A per-layer vector (a norm's weight or bias).
  private func vector(_ name: String, _ length: UInt64) -> ModelTensor {
    ModelTensor("layers.*.\(name)", rows: length, copies: layers, kind: .vector)
  }

  private func outputHead(_ name: String) -> [ModelTensor] {
    tiedEmbeddings
      ? [] : [ModelTensor(name, rows: vocabulary, columns: hidden, copies: 1, kind: .outputHead)]
  }

  private var llamaTensors: [ModelTensor] {
    let queries = heads * headDim
    let keys = kvHeads * headDim
    return [
      ModelTensor(
        "embed_tokens.weight", rows: vocabulary, columns: hidden, copies: 1, kind: .embedding)
    ]
      + linear("self_attn.q_proj", out: queries, in: hidden, bias: qkvBias)
      + linear("self_attn.k_proj", out: keys, in: hidden, bias: qkvBias)
      + linear("self_attn.v_proj", out: keys, in: hidden, bias: qkvBias)
      + linear("self_attn.o_proj", out: hidden, in: queries, bias: outputBias)
      + linear("mlp.gate_proj", out: intermediate, in: hidden, bias: mlpBias)
      + linear("mlp.up_proj", out: intermediate, in: hidden, bias: mlpBias)
      + linear("mlp.down_proj", out: hidden, in: intermediate, bias: mlpBias)
      + [
        vector("input_layernorm.weight", hidden), vector("post_attention_layernorm.weight", hidden),
        ModelTensor("norm.weight", rows: hidden, copies: 1, kind: .vector),
      ] + outputHead("lm_head.weight")
  }

  private var gpt2Tensors: [ModelTensor] {
    [
      ModelTensor("wte.weight", rows: vocabulary, columns: hidden, copies: 1, kind: .embedding),
      ModelTensor(
        "wpe.weight", rows: learnedPositions, columns: hidden, copies: 1, kind: .embedding),
      vector("ln_1.weight", hidden), vector("ln_1.bias", hidden),
    ]
      + linear("attn.c_attn", out: 3 * hidden, in: hidden, bias: true)
      + linear("attn.c_proj", out: hidden, in: hidden, bias: true)
      + [vector("ln_2.weight", hidden), vector("ln_2.bias", hidden)]
      + linear("mlp.c_fc", out: intermediate, in: hidden, bias: true)
      + linear("mlp.c_proj", out: hidden, in: intermediate, bias: true)
      + [
        ModelTensor("ln_f.weight", rows: hidden, copies: 1, kind: .vector),
        ModelTensor("ln_f.bias", rows: hidden, copies: 1, kind: .vector),
      ] + outputHead("lm_head.weight")
  }

  private var neoXTensors: [ModelTensor] {
    [
      ModelTensor(
        "embed_in.weight", rows: vocabulary, columns: hidden, copies: 1, kind: .embedding),
      vector("input_layernorm.weight", hidden), vector("input_layernorm.bias", hidden),
      vector("post_attention_layernorm.weight", hidden),
      vector("post_attention_layernorm.bias", hidden),
    ]
      + linear("attention.query_key_value", out: 3 * hidden, in: hidden, bias: qkvBias)
      + linear("attention.dense", out: hidden, in: hidden, bias: outputBias)
      + linear("mlp.dense_h_to_4h", out: intermediate, in: hidden, bias: mlpBias)
      + linear("mlp.dense_4h_to_h", out: hidden, in: intermediate, bias: mlpBias)
      + [
        ModelTensor("final_layer_norm.weight", rows: hidden, copies: 1, kind: .vector),
        ModelTensor("final_layer_norm.bias", rows: hidden, copies: 1, kind: .vector),
      ] + outputHead("embed_out.weight")
  }
}
