/// The architecture numbers of a Hugging Face config.json that decide a decoder's size: what
/// `workbook calc --config` reads. Every dimension is positive and consistent once read.
public struct ModelConfig: Equatable, Sendable {
  /// The file it came from, as the user named it (for messages).
  public let file: String
  /// The architecture.
  public let architecture: ModelArchitecture
  /// Vocabulary size V.
  public let vocabulary: UInt64
  /// Hidden size h (d_model).
  public let hidden: UInt64
  /// Decoder layers L.
  public let layers: UInt64
  /// Query heads H.
  public let heads: UInt64
  /// Key/value heads: H for multi-head attention, fewer for grouped-query, 1 for multi-query.
  public let kvHeads: UInt64
  /// Size of one head d (`head_dim`, else h / H).
  public let headDim: UInt64
  /// Hidden size of the MLP.
  public let intermediate: UInt64
  /// Rows of a learned position embedding (GPT-2's `n_positions`); 0 for rotary models.
  public let learnedPositions: UInt64
  /// The longest context the model was built for, when the config says.
  public let maxContext: UInt64?
  /// Whether the output head shares the token embedding matrix.
  public let tiedEmbeddings: Bool
  /// Biases on the query, key and value projections.
  public let qkvBias: Bool
  /// A bias on the attention output projection.
  public let outputBias: Bool
  /// Biases on the MLP's projections.
  public let mlpBias: Bool

  /// Reads a config.json's text.
  ///
  /// - Throws: `TrainingMemoryError` with one line `<file>: <field> ...` for invalid JSON, an
  ///   unknown architecture, or a missing, mistyped, non-positive or inconsistent field.
  public init(json text: String, file: String) throws {
    let root: [String: JSONValue]
    do {
      guard case .object(let members) = try JSONValue.parse(text) else {
        throw TrainingMemoryError("\(file): not a JSON object (a config.json holds one {...})")
      }
      root = members
    } catch let syntax as JSONSyntaxError {
      throw TrainingMemoryError(
        "\(file): not valid JSON: \(syntax.reason) at line \(syntax.line), column \(syntax.column)"
      )
    }
    let fields = ConfigFields(file: file, members: root)
    let architecture = try fields.architecture()
    self.file = file
    self.architecture = architecture
    switch architecture {
    case .gpt2:
      hidden = try fields.positive("n_embd")
      layers = try fields.positive("n_layer")
      heads = try fields.positive("n_head")
      kvHeads = heads
      // n_inner: null means 4·n_embd, as GPT2MLP builds it.
      intermediate = try fields.positive(
        "n_inner", orNull: try Checked.multiply(4, hidden, "4 × n_embd"))
      learnedPositions = try fields.positive("n_positions")
      maxContext = learnedPositions
      tiedEmbeddings = try fields.bool("tie_word_embeddings", default: true)
      (qkvBias, outputBias, mlpBias) = (true, true, true)
    case .gptNeoX:
      hidden = try fields.positive("hidden_size")
      layers = try fields.positive("num_hidden_layers")
      heads = try fields.positive("num_attention_heads")
      kvHeads = heads
      intermediate = try fields.positive("intermediate_size")
      learnedPositions = 0
      maxContext = try fields.optionalPositive("max_position_embeddings")
      tiedEmbeddings = try fields.bool("tie_word_embeddings", default: false)
      let attentionBias = try fields.bool("attention_bias", default: true)
      (qkvBias, outputBias, mlpBias) = (attentionBias, attentionBias, true)
    case .llama, .mistral, .qwen2:
      hidden = try fields.positive("hidden_size")
      layers = try fields.positive("num_hidden_layers")
      heads = try fields.positive("num_attention_heads")
      kvHeads = try fields.optionalPositive("num_key_value_heads") ?? heads
      intermediate = try fields.positive("intermediate_size")
      learnedPositions = 0
      maxContext = try fields.optionalPositive("max_position_embeddings")
      tiedEmbeddings = try fields.bool("tie_word_embeddings", default: false)
      if architecture == .qwen2 {
        (qkvBias, outputBias, mlpBias) = (true, false, false)
      } else {
        let attentionBias = try fields.bool("attention_bias", default: false)
        (qkvBias, outputBias) = (attentionBias, attentionBias)
        mlpBias = try fields.bool("mlp_bias", default: false)
      }
    }
    vocabulary = try fields.positive("vocab_size")
    let headsField = architecture == .gpt2 ? "n_head" : "num_attention_heads"
    let hiddenField = architecture == .gpt2 ? "n_embd" : "hidden_size"
    if let explicit = try fields.optionalPositive("head_dim"), architecture.isLlamaFamily {
      headDim = explicit
    } else {
      guard hidden % heads == 0 else {
        throw TrainingMemoryError(
          "\(file): \(headsField): \(heads) heads do not divide \(hiddenField) \(hidden)")
      }
      headDim = hidden / heads
    }
    guard heads % kvHeads == 0 else {
      throw TrainingMemoryError(
        "\(file): num_key_value_heads: \(kvHeads) does not divide num_attention_heads \(heads)")
    }
  }
}

/// The fields of a config.json, read with messages that name the file and the field.
private struct ConfigFields {
  let file: String
  let members: [String: JSONValue]

  /// The largest dimension accepted, 2³¹.
  static let largest: UInt64 = 1 << 31

  func fail(_ field: String, _ problem: String) -> TrainingMemoryError {
    TrainingMemoryError("\(file): \(field): \(problem)")
  }

  /// The architecture from `architectures` (its first class name), else from `model_type`.
  func architecture() throws -> ModelArchitecture {
    if let value = members["architectures"], value != .null {
      guard case .array(let names) = value, case .string(let name)? = names.first else {
        throw fail("architectures", "must be a list of class names, not \(value.shortDescription)")
      }
      guard let known = ModelArchitecture(rawValue: name) else {
        throw fail(
          "architectures",
          "unknown architecture \u{201C}\(name)\u{201D}; calc counts \(ModelArchitecture.known)")
      }
      return known
    }
    guard let value = members["model_type"] else {
      throw fail("architectures", "missing (and no model_type either)")
    }
    guard case .string(let type) = value,
      let known = ModelArchitecture.allCases.first(where: { $0.modelType == type })
    else {
      let types = ModelArchitecture.allCases.map(\.modelType).joined(separator: ", ")
      throw fail(
        "model_type", "unknown model type \(value.shortDescription); calc counts \(types)")
    }
    return known
  }

  /// A required positive integer.
  func positive(_ field: String) throws -> UInt64 {
    guard let value = try optionalPositive(field) else { throw fail(field, "missing") }
    return value
  }

  /// A positive integer that may be absent or null, in which case it is `fallback`.
  func positive(_ field: String, orNull fallback: UInt64) throws -> UInt64 {
    try optionalPositive(field) ?? fallback
  }

  /// A positive integer, or nil when the field is absent or null.
  func optionalPositive(_ field: String) throws -> UInt64? {
    guard let value = members[field], value != .null else { return nil }
    guard case .number(let text) = value, let number = UInt64(text) else {
      if case .number(let text) = value, let negative = Int64(text), negative <= 0 {
        throw fail(field, "must be a positive integer, not \(text)")
      }
      throw fail(field, "must be a positive integer, not \(value.shortDescription)")
    }
    guard number > 0 else { throw fail(field, "must be a positive integer, not 0") }
    // No model comes near 2³¹ in any dimension; the bound keeps products of two in 64 bits.
    guard number <= ConfigFields.largest else {
      throw fail(field, "is too large: \(text) (at most 2,147,483,648)")
    }
    return number
  }

  /// A boolean, `fallback` when absent or null.
  func bool(_ field: String, default fallback: Bool) throws -> Bool {
    guard let value = members[field], value != .null else { return fallback }
    guard case .bool(let flag) = value else {
      throw fail(field, "must be true or false, not \(value.shortDescription)")
    }
    return flag
  }
}
