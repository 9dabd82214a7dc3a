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
      name: "layers.*.\(name).weight", rows: out, columns: inputs, copies: layers, kind: .linear)
    let biasTensor = ModelTensor(
      name: "layers.*.\(name).bias", rows: out, columns: 1, copies: layers, kind: .vector)
    return bias ? [weight, biasTensor] : [weight]
  }

  /// A norm's weight and, when `bias`, its bias: in every layer (`layers.*.name`), or once,
  /// after the last layer, when `final`.
  private func norm(_ name: String, bias: Bool, final: Bool = false) -> [ModelTensor] {
    let (prefix, copies) = final ? ("", UInt64(1)) : ("layers.*.", layers)
    return (bias ? ["weight", "bias"] : ["weight"]).map {
      ModelTensor(
        name: "\(prefix)\(name).\($0)", rows: hidden, columns: 1, copies: copies, kind: .vector)
    }
  }

  /// A lookup table of `rows` vectors of `hidden` elements.
  private func embedding(_ name: String, rows: UInt64) -> ModelTensor {
    ModelTensor(name: name, rows: rows, columns: hidden, copies: 1, kind: .embedding)
  }

  private func outputHead(_ name: String) -> [ModelTensor] {
    tiedEmbeddings
      ? []
      : [ModelTensor(name: name, rows: vocabulary, columns: hidden, copies: 1, kind: .outputHead)]
  }

  private var llamaTensors: [ModelTensor] {
    let queries = heads * headDim
    let keys = kvHeads * headDim
    return [embedding("embed_tokens.weight", rows: vocabulary)]
      + linear("self_attn.q_proj", out: queries, in: hidden, bias: qkvBias)
      + linear("self_attn.k_proj", out: keys, in: hidden, bias: qkvBias)
      + linear("self_attn.v_proj", out: keys, in: hidden, bias: qkvBias)
      + linear("self_attn.o_proj", out: hidden, in: queries, bias: outputBias)
      + linear("mlp.gate_proj", out: intermediate, in: hidden, bias: mlpBias)
      + linear("mlp.up_proj", out: intermediate, in: hidden, bias: mlpBias)
      + linear("mlp.down_proj", out: hidden, in: intermediate, bias: mlpBias)
      + norm("input_layernorm", bias: false) + norm("post_attention_layernorm", bias: false)
      + norm("norm", bias: false, final: true) + outputHead("lm_head.weight")
  }

  private var gpt2Tensors: [ModelTensor] {
    [embedding("wte.weight", rows: vocabulary), embedding("wpe.weight", rows: learnedPositions)]
      + norm("ln_1", bias: true)
      + linear("attn.c_attn", out: 3 * hidden, in: hidden, bias: true)
      + linear("attn.c_proj", out: hidden, in: hidden, bias: true)
      + norm("ln_2", bias: true)
      + linear("mlp.c_fc", out: intermediate, in: hidden, bias: true)
      + linear("mlp.c_proj", out: hidden, in: intermediate, bias: true)
      + norm("ln_f", bias: true, final: true) + outputHead("lm_head.weight")
  }

  private var neoXTensors: [ModelTensor] {
    [embedding("embed_in.weight", rows: vocabulary)]
      + norm("input_layernorm", bias: true) + norm("post_attention_layernorm", bias: true)
      + linear("attention.query_key_value", out: 3 * hidden, in: hidden, bias: qkvBias)
      + linear("attention.dense", out: hidden, in: hidden, bias: outputBias)
      + linear("mlp.dense_h_to_4h", out: intermediate, in: hidden, bias: mlpBias)
      + linear("mlp.dense_4h_to_h", out: hidden, in: intermediate, bias: mlpBias)
      + norm("final_layer_norm", bias: true, final: true) + outputHead("embed_out.weight")
  }
}
