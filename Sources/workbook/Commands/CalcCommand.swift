import ArgumentParser
import Foundation
import TrainingMemory

/// `workbook calc`: training and serving memory of a model, component by component.
///
/// The command only reads the flags and the config file; parsing, validation and arithmetic
/// live in the TrainingMemory kit (`TrainingMemoryCalculator`, `ModelConfig`), where they are
/// unit-tested.
struct CalcCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calc",
    abstract:
      "Estimate the memory of a model: weights, gradients, optimizer state, activations, KV cache.",
    discussion: """
      Examples:
        workbook calc --model gpt3-175b --precision mixed
        workbook calc --params 7B --trainable 1% --gpu-memory 24G
        workbook calc --params 7.5B --zero-stage 2 --gpus 64 --json
        workbook calc --config llama-2-7b/config.json --kv-cache --context 4096 --batch 8 \\
          --gpu-memory 24GB
        workbook calc --config llama-2-7b/config.json --lora-rank 8 --weights nf4 \\
          --optimizer adam8bit --gpu-memory 24GB
      Models: \(GPT3Preset.family.map(\.name).joined(separator: ", ")).
      Configs: \(ModelArchitecture.known).
      """)

  @Option(name: .customLong("model"), help: "A GPT-3 preset, e.g. gpt3-175b.")
  var model: String?

  @Option(name: .customLong("params"), help: "A parameter count: 7e9, 7B, 175B, 13000000000.")
  var parameters: String?

  @Option(help: "fp32, fp16, bf16 or mixed.")
  var precision = "mixed"

  @Option(
    name: .customLong("config"),
    help: "A Hugging Face config.json: the exact parameter count from the architecture.")
  var configPath: String?

  @Option(
    help: "adam, adam8bit, sgd, momentum, adafactor or none (default adam; none with --kv-cache).")
  var optimizer: String?

  @Option(help: "The trainable share of the parameters, 0 to 1 (or 0% to 100%).")
  var trainable: String?

  @Option(name: .customLong("zero-stage"), help: "ZeRO stage 0-3 (needs --gpus).")
  var zeroStage: Int?

  @Option(help: "Data-parallel GPUs.")
  var gpus: Int?

  @Option(help: "Transformer layers (for the activation estimates).")
  var layers: Int?

  @Option(help: "Hidden size d_model.")
  var hidden: Int?

  @Option(help: "Attention heads.")
  var heads: Int?

  @Option(name: .customLong("seq"), help: "Sequence length (default 2048).")
  var sequence: Int?

  @Option(help: "Sequences per GPU micro-batch (default 1).")
  var batch: Int?

  @Option(name: .customLong("gpu-memory"), help: "One GPU's memory: 80GB, 80GiB, 24G.")
  var gpuMemory: String?

  @Flag(name: .customLong("kv-cache"), help: "Serving: count the KV cache (needs the shape).")
  var kvCache = false

  @Option(help: "Tokens per sequence for the KV cache (same as --seq).")
  var context: Int?

  @Option(name: .customLong("kv-precision"), help: "fp16 (default), bf16, fp32, fp8 or int8.")
  var kvPrecision: String?

  @Option(name: .customLong("lora-rank"), help: "LoRA rank r: train adapters only (--config).")
  var loraRank: Int?

  @Option(
    name: .customLong("lora-targets"),
    help: "Modules to adapt, e.g. q_proj,v_proj (PEFT's default), or all-linear.")
  var loraTargets: String?

  @Option(help: "Frozen linear weights in int8, int4 or nf4 (--config).")
  var weights: String?

  @Flag(
    help: """
      Print JSON: the breakdown in bytes, parameters, trainableParameters, kvCacheBytesPerToken, \
      kvCacheBytes, largestBatch, largestContext.
      """)
  var json = false

  func run() throws {
    let report: CalculatorReport
    do {
      let config = try configPath.map { try ModelConfig(json: try Self.read($0), file: $0) }
      let options = CalculatorOptions(
        model: model, parameters: parameters, precision: precision, optimizer: optimizer,
        trainable: trainable, zeroStage: zeroStage, gpus: gpus, layers: layers, hidden: hidden,
        heads: heads, sequence: sequence, batch: batch, gpuMemory: gpuMemory, config: config,
        kvCache: kvCache, context: context, kvPrecision: kvPrecision, loraRank: loraRank,
        loraTargets: loraTargets, weights: weights)
      report = try TrainingMemoryCalculator.estimate(options)
    } catch let error as TrainingMemoryError {
      throw ValidationError(error.description)
    }
    print(json ? report.json() : report.table())
  }

  /// The text of a config file, or one line naming it and why it cannot be read.
  private static func read(_ path: String) throws -> String {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw TrainingMemoryError("\(path): no such file")
    }
    guard !isFolder.boolValue else {
      throw TrainingMemoryError("\(path): is a folder, not a config.json")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw TrainingMemoryError("\(path): cannot be read (permissions?)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw TrainingMemoryError("\(path): not valid JSON: not UTF-8 text")
    }
    return text
  }
}
