import ArgumentParser
import TrainingMemory

/// `workbook calc`: training memory of a model, component by component.
///
/// The command only reads the flags; parsing, validation and arithmetic live in the
/// TrainingMemory kit (`TrainingMemoryCalculator`), where they are unit-tested.
struct CalcCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calc",
    abstract:
      "Estimate the training memory of a model: weights, gradients, Adam state, activations.",
    discussion: """
      Examples:
        workbook calc --model gpt3-175b --precision mixed
        workbook calc --params 7B --trainable 1% --gpu-memory 24G
        workbook calc --params 7.5B --zero-stage 2 --gpus 64 --json
      Models: \(GPT3Preset.family.map(\.name).joined(separator: ", ")).
      """)

  @Option(name: .customLong("model"), help: "A GPT-3 preset, e.g. gpt3-175b.")
  var model: String?

  @Option(name: .customLong("params"), help: "A parameter count: 7e9, 7B, 175B, 13000000000.")
  var parameters: String?

  @Option(help: "fp32, fp16, bf16 or mixed.")
  var precision = "mixed"

  @Option(help: "adam, sgd, momentum or none.")
  var optimizer = "adam"

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

  @Flag(help: "Print {weights, gradients, master, optimizer, activations, total} in bytes.")
  var json = false

  func run() throws {
    let options = CalculatorOptions(
      model: model, parameters: parameters, precision: precision, optimizer: optimizer,
      trainable: trainable, zeroStage: zeroStage, gpus: gpus, layers: layers, hidden: hidden,
      heads: heads, sequence: sequence, batch: batch, gpuMemory: gpuMemory)
    let report: CalculatorReport
    do {
      report = try TrainingMemoryCalculator.estimate(options)
    } catch let error as TrainingMemoryError {
      throw ValidationError(error.description)
    }
    print(json ? report.json() : report.table())
  }
}
