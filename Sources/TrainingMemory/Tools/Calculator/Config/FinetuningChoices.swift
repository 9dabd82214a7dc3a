/// The finetuning and serving choices that need the architecture: LoRA adapters and quantized
/// frozen weights, validated against the optimizer and the other flags.
struct FinetuningChoices {
  /// The adapters, with `--lora-rank`.
  var lora: LoRAPlan?
  /// The frozen weights' format, with `--weights`.
  var weights: WeightFormat?

  /// Reads `--lora-rank`, `--lora-targets` and `--weights`.
  ///
  /// - Throws: `TrainingMemoryError` when one is given without `--config`, a format is
  ///   unknown, or quantized weights would be trained in full.
  init(_ options: CalculatorOptions, optimizer: CalculatorOptimizer) throws {
    let needsConfig: [(String, Bool)] = [
      ("--lora-rank", options.loraRank != nil), ("--lora-targets", options.loraTargets != nil),
      ("--weights", options.weights != nil),
    ]
    guard let config = options.config else {
      if let flag = needsConfig.first(where: \.1)?.0 {
        throw TrainingMemoryError(
          "\(flag) needs --config: which matrices it touches comes from the architecture")
      }
      return
    }
    if options.trainable != nil {
      throw TrainingMemoryError(
        "--trainable is for --params and --model; with --config, train a part with --lora-rank")
    }
    if let rank = options.loraRank {
      lora = try LoRAPlan(config: config, rank: rank, targets: options.loraTargets)
    } else if options.loraTargets != nil {
      throw TrainingMemoryError("--lora-targets needs --lora-rank")
    }
    if let name = options.weights {
      guard let format = WeightFormat(rawValue: name.lowercased()) else {
        throw TrainingMemoryError(
          "unknown --weights \u{201C}\(name)\u{201D}; use int8, int4 or nf4")
      }
      if optimizer.keepsGradients && lora == nil {
        throw TrainingMemoryError(
          "--weights \(format.rawValue) stores frozen weights: train adapters with --lora-rank, "
            + "or serve with --kv-cache or --optimizer none")
      }
      weights = format
    }
  }
}
