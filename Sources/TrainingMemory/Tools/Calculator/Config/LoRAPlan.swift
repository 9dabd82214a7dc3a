/// LoRA adapters on a model (Hu et al. 2021): each adapted weight W (d_out × d_in) stays frozen
/// and gains A (r × d_in) and B (d_out × r), so r·(d_in + d_out) trainable parameters per matrix.
public struct LoRAPlan: Equatable, Sendable {
  /// The rank r.
  public let rank: UInt64
  /// The target names as PEFT's `target_modules` would hold them, or `all-linear`.
  public let targets: [String]
  /// The frozen linear weights that receive an adapter.
  public let adapted: [ModelTensor]

  /// Resolves `targets` against the model's linear layers the way PEFT does: a module matches a
  /// name when the name is the module's full path or its last components (`c_proj` matches
  /// both of GPT-2's). `all-linear` takes every linear layer of the blocks, not the output head.
  /// Without targets, PEFT's default for the architecture (q_proj and v_proj for Llama).
  ///
  /// - Throws: `TrainingMemoryError` for a rank below 1 or a target the model does not have.
  public init(config: ModelConfig, rank: Int, targets: String?) throws {
    guard rank >= 1 else {
      throw TrainingMemoryError("--lora-rank must be at least 1, not \(rank)")
    }
    let linears = config.tensors.filter { $0.kind == .linear }
    var names = config.architecture.defaultLoRATargets
    if let targets {
      names = targets.split(separator: ",").map { String($0).trimmingCharacters(in: " ") }
        .filter { !$0.isEmpty }
    }
    guard !names.isEmpty else {
      throw TrainingMemoryError(
        "--lora-targets is empty; name modules (q_proj,v_proj) or all-linear")
    }
    if names.contains("all-linear") {
      guard names.count == 1 else {
        throw TrainingMemoryError("--lora-targets: all-linear stands alone, not in a list")
      }
      self.rank = UInt64(rank)
      self.targets = names
      self.adapted = linears
      return
    }
    for name in names
    where !linears.contains(where: { $0.module == name || $0.module.hasSuffix("." + name) }) {
      let known = linears.map { $0.module.split(separator: ".").last.map(String.init) ?? "" }
      var unique: [String] = []
      for module in known where !unique.contains(module) { unique.append(module) }
      throw TrainingMemoryError(
        "--lora-targets: \(config.architecture.rawValue) has no module \u{201C}\(name)\u{201D}; "
          + "its linear layers are \(unique.joined(separator: ", ")) (or all-linear)")
    }
    self.rank = UInt64(rank)
    self.targets = names
    self.adapted = linears.filter { tensor in
      names.contains { tensor.module == $0 || tensor.module.hasSuffix("." + $0) }
    }
  }

  /// The adapter tensors: A (r × d_in) and B (d_out × r) for each adapted weight.
  public var adapterTensors: [ModelTensor] {
    adapted.flatMap { weight in
      let base = String(weight.name.dropLast(".weight".count))
      return [
        ModelTensor(
          name: base + ".lora_A.weight", rows: rank, columns: weight.columns, copies: weight.copies,
          kind: .linear),
        ModelTensor(
          name: base + ".lora_B.weight", rows: weight.rows, columns: rank, copies: weight.copies,
          kind: .linear),
      ]
    }
  }

  /// The trainable parameters: Σ r·(d_in + d_out) over the adapted matrices.
  ///
  /// - Throws: `TrainingMemoryError` beyond 64 bits.
  public func parameters() throws -> UInt64 {
    try Checked.sum(try adapterTensors.map { try $0.totalElements() }, "the LoRA parameters")
  }

  /// The adapted matrices, counting each layer's copy.
  public var adaptedMatrices: UInt64 { adapted.reduce(0) { $0 + $1.copies } }
}

extension String {
  /// The string without leading and trailing `character`s.
  fileprivate func trimmingCharacters(in character: Character) -> String {
    var text = Substring(self)
    while text.first == character { text.removeFirst() }
    while text.last == character { text.removeLast() }
    return String(text)
  }
}
