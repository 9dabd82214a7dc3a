/// The command line of `workbook calc`, as typed: the kit parses and validates every field, so
/// the command only forwards what ArgumentParser read.
public struct CalculatorOptions: Equatable, Sendable {
  /// A preset of the GPT-3 family (`--model gpt3-175b`); exclusive with `parameters`.
  public var model: String?
  /// A parameter count (`--params 7B`); exclusive with `model`.
  public var parameters: String?
  /// fp32, fp16, bf16 or mixed (`--precision`, default mixed).
  public var precision: String
  /// adam, sgd, momentum or none (`--optimizer`, default adam).
  public var optimizer: String
  /// The trainable share of the parameters, `0.01` or `1%` (`--trainable`, default all).
  public var trainable: String?
  /// The ZeRO stage, 0 to 3 (`--zero-stage`); needs `gpus`.
  public var zeroStage: Int?
  /// Data-parallel GPUs (`--gpus`).
  public var gpus: Int?
  /// Transformer layers (`--layers`), for the activation estimates.
  public var layers: Int?
  /// Hidden size d_model (`--hidden`).
  public var hidden: Int?
  /// Attention heads (`--heads`).
  public var heads: Int?
  /// Sequence length (`--seq`, default 2048).
  public var sequence: Int?
  /// Sequences per GPU micro-batch (`--batch`, default 1).
  public var batch: Int?
  /// The memory of one GPU (`--gpu-memory 80GB`), to say whether the total fits.
  public var gpuMemory: String?

  /// Options; everything not given is absent, precision is mixed and the optimizer Adam.
  public init(
    model: String? = nil, parameters: String? = nil, precision: String = "mixed",
    optimizer: String = "adam", trainable: String? = nil, zeroStage: Int? = nil,
    gpus: Int? = nil, layers: Int? = nil, hidden: Int? = nil, heads: Int? = nil,
    sequence: Int? = nil, batch: Int? = nil, gpuMemory: String? = nil
  ) {
    self.model = model
    self.parameters = parameters
    self.precision = precision
    self.optimizer = optimizer
    self.trainable = trainable
    self.zeroStage = zeroStage
    self.gpus = gpus
    self.layers = layers
    self.hidden = hidden
    self.heads = heads
    self.sequence = sequence
    self.batch = batch
    self.gpuMemory = gpuMemory
  }
}
