import Units

/// The memory of a model read from its config.json, tensor by tensor: which tensors are frozen
/// or trained, how each is stored, and what state the optimizer keeps for it.
enum ConfigAccounting {
  /// What one count yields: the breakdown (activations as given) and the parameter counts.
  struct Result {
    /// Bytes per component, for one full copy (no sharding).
    var breakdown: MemoryBreakdown
    /// The architecture's parameters (adapters not included).
    var parameters: UInt64
    /// Parameters that get a gradient: all of them, the adapters', or none (forward only).
    var trainable: UInt64
    /// LoRA's parameters (0 without LoRA).
    var adapters: UInt64
  }

  /// Accounts for `config` trained (or served) with these choices. Frozen linear weights take
  /// `weights` when given; every other tensor the precision's weight type.
  static func count(
    _ config: ModelConfig, precision: Precision, optimizer: CalculatorOptimizer,
    lora: LoRAPlan?, weights: WeightFormat?, activationBytes: UInt64
  ) throws -> Result {
    // The precision's storage types, read from the set-up it builds.
    let types = try precision.setup(parameters: 0, trainableFraction: 1, optimizer: .adam)
    let base = config.tensors
    let adapters = lora?.adapterTensors ?? []
    // Full training trains the base; with LoRA only the adapters; forward only trains nothing.
    let training = optimizer.keepsGradients
    let trainedBase = training && lora == nil
    var weightBytes: [UInt64] = []
    var trainedTensors: [ModelTensor] = trainedBase ? base : []
    for tensor in base {
      if let weights, tensor.kind == .linear, !trainedBase {
        weightBytes.append(
          try Checked.multiply(
            try weights.bytes(rows: tensor.rows, columns: tensor.columns), tensor.copies,
            "the weights of \(tensor.name)"))
      } else {
        weightBytes.append(try types.weightType.bytes(count: try tensor.totalElements()))
      }
    }
    for tensor in adapters {
      weightBytes.append(try types.weightType.bytes(count: try tensor.totalElements()))
    }
    if training { trainedTensors += adapters }
    let trainable = try Checked.sum(
      try trainedTensors.map { try $0.totalElements() }, "the trainable parameters")
    var stateBytes: [UInt64] = []
    for tensor in trainedTensors {
      let one = try optimizer.stateBytes(
        rows: tensor.rows, columns: tensor.columns, isMatrix: tensor.isMatrix,
        stateType: types.optimizerStateType)
      stateBytes.append(try Checked.multiply(one, tensor.copies, "the optimizer's state"))
    }
    let breakdown = try Accounting.assemble(
      try Checked.sum(weightBytes, "the weight bytes"),
      try types.gradientType.bytes(count: trainable),
      types.masterCopy ? try ElementType.fp32.bytes(count: trainable) : 0,
      try Checked.sum(stateBytes, "the optimizer's state"), activationBytes)
    return Result(
      breakdown: breakdown, parameters: try config.parameterCount(), trainable: trainable,
      adapters: try lora?.parameters() ?? 0)
  }
}
