/// The command line of `workbook calc`, as typed: the kit parses and validates every field, so
/// the command only forwards what ArgumentParser read.
public struct CalculatorOptions: Equatable, Sendable {
  /// A preset of the GPT-3 family (`--model gpt3-175b`); exclusive with `parameters`.
  public var model: String?
  /// A parameter count (`--params 7B`); exclusive with `model`.
  public var parameters: String?
  /// fp32, fp16, bf16 or mixed (`--precision`, default mixed).
  public var precision: String
  /// adam, adam8bit, sgd, momentum, adafactor or none (`--optimizer`); nil means adam, or none
  /// when serving with `kvCache`.
  public var optimizer: String?
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
  /// A model read from its config.json (`--config`); exclusive with `model` and `parameters`.
  public var config: ModelConfig?
  /// Whether to count a KV cache for serving (`--kv-cache`).
  public var kvCache: Bool
  /// Tokens per sequence (`--context`): the KV cache's context, or the activations' sequence.
  public var context: Int?
  /// fp16, bf16, fp32, fp8 or int8 (`--kv-precision`, default fp16).
  public var kvPrecision: String?
  /// The LoRA rank (`--lora-rank`); needs `config`.
  public var loraRank: Int?
  /// Comma-separated module names or `all-linear` (`--lora-targets`).
  public var loraTargets: String?
  /// int8, int4 or nf4 for the frozen linear weights (`--weights`); needs `config`.
  public var weights: String?

  /// Options; everything not given is absent, precision is mixed and the optimizer Adam.
  public init(
    model: String? = nil, parameters: String? = nil, precision: String = "mixed",
    optimizer: String? = nil, trainable: String? = nil, zeroStage: Int? = nil,
    gpus: Int? = nil, layers: Int? = nil, hidden: Int? = nil, heads: Int? = nil,
    sequence: Int? = nil, batch: Int? = nil, gpuMemory: String? = nil,
    config: ModelConfig? = nil, kvCache: Bool = false, context: Int? = nil,
    kvPrecision: String? = nil, loraRank: Int? = nil, loraTargets: String? = nil,
    weights: String? = nil
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
    self.config = config
    self.kvCache = kvCache
    self.context = context
    self.kvPrecision = kvPrecision
    self.loraRank = loraRank
    self.loraTargets = loraTargets
    self.weights = weights
  }
}
