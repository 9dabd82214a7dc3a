/// The logic behind `workbook calc`: validate the options, then account for every component.
public enum TrainingMemoryCalculator {
  /// The sequence length used when none is given: GPT-3's context, n_ctx = 2048.
  public static let defaultSequence: UInt64 = GPT3Preset.context

  /// Validates `options` and computes the report.
  ///
  /// - Throws: `TrainingMemoryError` with a one-line message for any bad input: a missing or
  ///   doubled model, a bad parameter count, precision, optimizer, fraction, ZeRO stage, GPU
  ///   count, shape or memory size, or a size beyond 64 bits.
  public static func estimate(_ options: CalculatorOptions) throws -> CalculatorReport {
    let (name, parameters, preset) = try model(options)
    guard let precision = Precision(rawValue: options.precision.lowercased()) else {
      throw TrainingMemoryError(
        "unknown precision \u{201C}\(options.precision)\u{201D}; use fp32, fp16, bf16 or mixed")
    }
    guard let optimizer = OptimizerKind(rawValue: options.optimizer.lowercased()) else {
      throw TrainingMemoryError(
        "unknown optimizer \u{201C}\(options.optimizer)\u{201D}; use adam, sgd, momentum or none")
    }
    let fraction = try options.trainable.map(QuantityParsing.fraction) ?? 1
    let zero = try sharding(options)
    let shape = try activationShape(options, preset: preset)
    let gpuMemory = try options.gpuMemory.map(QuantityParsing.memorySize)

    var full: UInt64?
    var lecture: UInt64?
    if let shape {
      full = try ActivationEstimate.korthikanti(shape)
      lecture = try ActivationEstimate.lecture(shape, type: precision.activationType)
    }
    let setup = try precision.setup(
      parameters: parameters, trainableFraction: fraction, optimizer: optimizer,
      activationBytes: full ?? 0)
    let breakdown =
      try zero.map { try Accounting.perGPU(setup, stage: $0.stage, gpus: $0.gpus) }
      ?? Accounting.breakdown(setup)
    return CalculatorReport(
      modelName: name, preset: preset, setup: setup, precision: precision,
      zeroStage: zero?.stage, gpus: zero?.gpus ?? options.gpus, shape: shape,
      lectureActivations: lecture, fullActivations: full, breakdown: breakdown,
      gpuMemory: gpuMemory)
  }

  /// The model: a preset, or a bare parameter count.
  private static func model(_ options: CalculatorOptions) throws -> (
    String?, UInt64, GPT3Preset?
  ) {
    switch (options.model, options.parameters) {
    case (let name?, nil):
      let preset = try GPT3Preset.named(name)
      return (preset.displayName, preset.parameters, preset)
    case (nil, let count?):
      return (nil, try QuantityParsing.parameterCount(count), nil)
    case (_?, _?):
      throw TrainingMemoryError("give either --model or --params, not both")
    case (nil, nil):
      let known = GPT3Preset.family.map(\.name).joined(separator: ", ")
      throw TrainingMemoryError("give --model NAME (\(known)) or --params N")
    }
  }

  /// The ZeRO stage and GPU count, when ZeRO is asked for.
  private static func sharding(_ options: CalculatorOptions) throws -> (stage: Int, gpus: Int)? {
    if let gpus = options.gpus, gpus < 1 {
      throw TrainingMemoryError("--gpus must be at least 1, not \(gpus)")
    }
    guard let stage = options.zeroStage else { return nil }
    guard let gpus = options.gpus else {
      throw TrainingMemoryError("--zero-stage needs --gpus: ZeRO shards over the GPUs")
    }
    guard (0...3).contains(stage) else {
      throw TrainingMemoryError("--zero-stage must be 0, 1, 2 or 3, not \(stage)")
    }
    return (stage, gpus)
  }

  /// The transformer shape: a preset's, with any dimension overridden, or all from flags.
  private static func activationShape(_ options: CalculatorOptions, preset: GPT3Preset?) throws
    -> ActivationEstimate.Shape?
  {
    let given: [(String, Int?)] = [
      ("--layers", options.layers), ("--hidden", options.hidden), ("--heads", options.heads),
      ("--seq", options.sequence), ("--batch", options.batch),
    ]
    for (flag, value) in given {
      if let value, value < 1 {
        throw TrainingMemoryError("\(flag) must be at least 1, not \(value)")
      }
    }
    let layers = options.layers.map(UInt64.init) ?? preset?.layers
    let hidden = options.hidden.map(UInt64.init) ?? preset?.hidden
    let heads = options.heads.map(UInt64.init) ?? preset?.heads
    guard let layers, let hidden, let heads else {
      if given.contains(where: { $0.1 != nil }) {
        throw TrainingMemoryError(
          "the activation estimates need --layers, --hidden and --heads (or a --model)")
      }
      return nil
    }
    return try ActivationEstimate.Shape(
      layers: layers, hidden: hidden, heads: heads,
      sequence: options.sequence.map(UInt64.init) ?? defaultSequence,
      batch: options.batch.map(UInt64.init) ?? 1)
  }
}
