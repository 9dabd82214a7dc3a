/// The logic behind `workbook calc`: validate the options, then account for every component.
public enum TrainingMemoryCalculator {
  /// The sequence length used when none is given: GPT-3's context, n_ctx = 2048.
  public static let defaultSequence: UInt64 = GPT3Preset.context

  /// Validates `options` and computes the report.
  ///
  /// - Throws: `TrainingMemoryError` with a one-line message for any bad input: a missing or
  ///   doubled model, a bad parameter count, precision, optimizer, fraction, ZeRO stage, GPU
  ///   count, shape, memory size, LoRA rank or target, weight or KV format, a combination that
  ///   needs `--config`, or a size beyond 64 bits.
  public static func estimate(_ options: CalculatorOptions) throws -> CalculatorReport {
    let (name, legacyParameters, preset) = try model(options)
    guard let precision = Precision(rawValue: options.precision.lowercased()) else {
      throw TrainingMemoryError(
        "unknown precision \u{201C}\(options.precision)\u{201D}; use fp32, fp16, bf16 or mixed")
    }
    let optimizer = try self.optimizer(options)
    let choices = try FinetuningChoices(options, optimizer: optimizer)
    let fraction = try options.trainable.map(QuantityParsing.fraction) ?? 1
    let zero = try sharding(options)
    let sequence = try self.sequence(options)
    let cacheShape = try kvShape(options, preset: preset)
    let shape = try activationShape(options, preset: preset, sequence: sequence)
    let gpuMemory = try options.gpuMemory.map(QuantityParsing.memorySize)

    // Serving keeps no activations for a backward pass: only the KV cache grows with the batch.
    var full: UInt64?
    var lecture: UInt64?
    if let shape, !options.kvCache {
      full = try ActivationEstimate.korthikanti(shape)
      lecture = try ActivationEstimate.lecture(shape, type: precision.activationType)
    }
    let counted = try count(
      options, legacyParameters: legacyParameters, precision: precision, optimizer: optimizer,
      fraction: fraction, choices: choices, activations: full ?? 0)
    let breakdown =
      try zero.map { try Accounting.shard(counted.breakdown, stage: $0.stage, gpus: $0.gpus) }
      ?? counted.breakdown
    let fixed = breakdown.total - breakdown.activations
    let batch = options.batch.map(UInt64.init) ?? 1

    var cache: CalculatorReport.Cache?
    var headroom: CalculatorReport.Headroom?
    if options.kvCache, let cacheShape {
      let perToken = try cacheShape.bytesPerToken()
      let variable = { (context: UInt64, batch: UInt64) throws -> UInt64 in
        try cacheShape.bytes(context: context, batch: batch)
      }
      if let gpuMemory {
        headroom = room(fixed: fixed, memory: gpuMemory, sequence: sequence, batch: batch, variable)
      }
      // Without --context, the largest context that fits is the one reported.
      guard let context = sequence ?? headroom?.largestContext else {
        throw TrainingMemoryError(
          "--kv-cache needs --context N (or --gpu-memory, to find the largest context that fits)")
      }
      let bytes = try variable(context, batch)
      _ = try Checked.add(fixed + breakdown.activations, bytes, "the total bytes")
      cache = CalculatorReport.Cache(
        shape: cacheShape, perToken: perToken, context: context, batch: batch,
        bytes: bytes)
    } else if let shape, let gpuMemory {
      headroom = room(
        fixed: fixed, memory: gpuMemory, sequence: shape.sequence, batch: shape.batch
      ) { context, batch in
        var resized = shape
        resized.sequence = context
        resized.batch = batch
        return try ActivationEstimate.korthikanti(resized)
      }
    }
    return CalculatorReport(
      modelName: name, preset: preset, setup: counted.setup, precision: precision,
      zeroStage: zero?.stage, gpus: zero?.gpus ?? options.gpus, shape: shape,
      lectureActivations: lecture, fullActivations: full, breakdown: breakdown,
      gpuMemory: gpuMemory, config: options.config, optimizer: optimizer,
      parameters: counted.parameters, trainableParameters: counted.trainable,
      lora: choices.lora, adapterParameters: counted.adapters, weightFormat: choices.weights,
      kvCacheBytesPerToken: try cacheShape?.bytesPerToken() ?? 0, cache: cache,
      headroom: headroom)
  }

  /// The largest batch at `sequence` and the largest context at `batch` that fit.
  private static func room(
    fixed: UInt64, memory: UInt64, sequence: UInt64?, batch: UInt64,
    _ variable: @escaping (UInt64, UInt64) throws -> UInt64
  ) -> CalculatorReport.Headroom {
    CalculatorReport.Headroom(
      sequence: sequence, batch: batch,
      largestBatch: sequence.flatMap { context in
        LargestFit.largest(fixed: fixed, memory: memory) { try variable(context, $0) }
      },
      largestContext: LargestFit.largest(fixed: fixed, memory: memory) {
        try variable($0, batch)
      })
  }

  /// What one count gives: the set-up for the header, the breakdown and the parameter counts.
  private struct Counted {
    var setup: TrainingSetup
    var breakdown: MemoryBreakdown
    var parameters: UInt64
    var trainable: UInt64
    var adapters: UInt64
  }

  private static func count(
    _ options: CalculatorOptions, legacyParameters: UInt64, precision: Precision,
    optimizer: CalculatorOptimizer, fraction: Double, choices: FinetuningChoices,
    activations: UInt64
  ) throws -> Counted {
    if let config = options.config {
      let result = try ConfigAccounting.count(
        config, precision: precision, optimizer: optimizer, lora: choices.lora,
        weights: choices.weights, activationBytes: activations)
      let all = try Checked.add(result.parameters, result.adapters, "the parameters")
      let setup = try precision.setup(
        parameters: all, trainableFraction: Double(result.trainable) / Double(all),
        optimizer: optimizer.kind ?? .adam, activationBytes: activations)
      return Counted(
        setup: setup, breakdown: result.breakdown, parameters: result.parameters,
        trainable: result.trainable, adapters: result.adapters)
    }
    // A bare count or a preset: today's accounting, with 8-bit Adam's state as one flat tensor.
    let setup = try precision.setup(
      parameters: legacyParameters, trainableFraction: fraction,
      optimizer: optimizer.kind ?? .sgd, activationBytes: activations)
    var breakdown = try Accounting.breakdown(setup)
    if optimizer == .adam8bit {
      let state = try optimizer.stateBytes(
        rows: setup.trainableParameters, columns: 1, isMatrix: false, stateType: .fp32)
      breakdown = try Accounting.assemble(
        breakdown.weights, breakdown.gradients, breakdown.master, state, breakdown.activations)
    }
    return Counted(
      setup: setup, breakdown: breakdown, parameters: legacyParameters,
      trainable: optimizer.keepsGradients ? setup.trainableParameters : 0, adapters: 0)
  }

  /// The optimizer: as named, else Adam for training and none for serving (`--kv-cache`).
  private static func optimizer(_ options: CalculatorOptions) throws -> CalculatorOptimizer {
    guard let name = options.optimizer else { return options.kvCache ? .none : .adam }
    guard let optimizer = CalculatorOptimizer(rawValue: name.lowercased()) else {
      throw TrainingMemoryError(
        "unknown optimizer \u{201C}\(name)\u{201D}; use \(CalculatorOptimizer.names)")
    }
    if optimizer == .adafactor && options.config == nil {
      throw TrainingMemoryError(
        "--optimizer adafactor needs --config: its factored state depends on each matrix's shape")
    }
    return optimizer
  }

  /// The model: a preset, a bare parameter count, or a config (counted later).
  private static func model(_ options: CalculatorOptions) throws -> (
    String?, UInt64, GPT3Preset?
  ) {
    switch (options.model, options.parameters, options.config) {
    case (let name?, nil, nil):
      let preset = try GPT3Preset.named(name)
      return (preset.displayName, preset.parameters, preset)
    case (nil, let count?, nil):
      return (nil, try QuantityParsing.parameterCount(count), nil)
    case (nil, nil, _?):
      return (nil, 0, nil)
    case (nil, nil, nil):
      let known = GPT3Preset.family.map(\.name).joined(separator: ", ")
      throw TrainingMemoryError("give --model NAME (\(known)), --params N or --config FILE")
    case (_?, _?, nil):
      throw TrainingMemoryError("give either --model or --params, not both")
    default:
      throw TrainingMemoryError("give one of --model, --params or --config, not several")
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

  /// Tokens per sequence from `--context` or `--seq` (the same quantity), when given.
  private static func sequence(_ options: CalculatorOptions) throws -> UInt64? {
    for (flag, value) in [("--context", options.context), ("--seq", options.sequence)] {
      if let value, value < 1 {
        throw TrainingMemoryError("\(flag) must be at least 1, not \(value)")
      }
    }
    if let context = options.context, let sequence = options.sequence, context != sequence {
      throw TrainingMemoryError("--context and --seq are the same length; give one of them")
    }
    return (options.context ?? options.sequence).map(UInt64.init)
  }

  /// The transformer shape: a config's, a preset's with any dimension overridden, or all from
  /// flags.
  private static func activationShape(
    _ options: CalculatorOptions, preset: GPT3Preset?, sequence: UInt64?
  ) throws -> ActivationEstimate.Shape? {
    let given: [(String, Int?)] = [
      ("--layers", options.layers), ("--hidden", options.hidden), ("--heads", options.heads),
      ("--batch", options.batch),
    ]
    for (flag, value) in given {
      if let value, value < 1 {
        throw TrainingMemoryError("\(flag) must be at least 1, not \(value)")
      }
    }
    if let config = options.config {
      if let flag = given.prefix(3).first(where: { $0.1 != nil })?.0 {
        throw TrainingMemoryError("\(flag) comes from --config \(config.file); leave it out")
      }
      return try ActivationEstimate.Shape(
        layers: config.layers, hidden: config.hidden, heads: config.heads,
        sequence: sequence ?? defaultSequence, batch: options.batch.map(UInt64.init) ?? 1)
    }
    let layers = options.layers.map(UInt64.init) ?? preset?.layers
    let hidden = options.hidden.map(UInt64.init) ?? preset?.hidden
    let heads = options.heads.map(UInt64.init) ?? preset?.heads
    guard let layers, let hidden, let heads else {
      if given.contains(where: { $0.1 != nil }) || sequence != nil {
        throw TrainingMemoryError(
          "the activation estimates need --layers, --hidden and --heads (or a --model)")
      }
      return nil
    }
    return try ActivationEstimate.Shape(
      layers: layers, hidden: hidden, heads: heads, sequence: sequence ?? defaultSequence,
      batch: options.batch.map(UInt64.init) ?? 1)
  }

  /// The KV cache's shape: a config's (grouped-query heads and head_dim included), or
  /// multi-head attention from a preset's or the flags' layers, hidden size and heads.
  private static func kvShape(_ options: CalculatorOptions, preset: GPT3Preset?) throws
    -> KVCacheShape?
  {
    var precision = KVPrecision.fp16
    if let name = options.kvPrecision {
      guard options.kvCache else { throw TrainingMemoryError("--kv-precision needs --kv-cache") }
      guard let known = KVPrecision(rawValue: name.lowercased()) else {
        let names = KVPrecision.allCases.map(\.rawValue).joined(separator: ", ")
        throw TrainingMemoryError("unknown --kv-precision \u{201C}\(name)\u{201D}; use \(names)")
      }
      precision = known
    }
    if let config = options.config {
      return KVCacheShape(
        layers: config.layers, kvHeads: config.kvHeads, headDim: config.headDim,
        precision: precision)
    }
    let layers = options.layers.map(UInt64.init) ?? preset?.layers
    let hidden = options.hidden.map(UInt64.init) ?? preset?.hidden
    let heads = options.heads.map(UInt64.init) ?? preset?.heads
    guard let layers, let hidden, let heads, hidden % heads == 0 else {
      if options.kvCache {
        throw TrainingMemoryError(
          "--kv-cache needs the model's layers and heads: --config, --model, or "
            + "--layers, --hidden and --heads (heads dividing hidden)")
      }
      return nil
    }
    return KVCacheShape(
      layers: layers, kvHeads: heads, headDim: hidden / heads, precision: precision)
  }
}
