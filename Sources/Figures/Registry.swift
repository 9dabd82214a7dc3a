import Checkpointing
import Course
import Foundation
import Harness
import InferenceMemory
import NumberFormats
import Quantization
import ServingAndFinetuning
import TrainingMemory

/// Everything the topics' code computes or draws for the lessons, by topic, each topic's
/// figures and pictures computed the first time they are asked for: a command that shows one
/// lesson computes that lesson's and no other's.
///
/// A new topic adds its `Figures.all` and `Pictures.all` to `topics`.
public enum Registry {
  /// One topic's figures and pictures, not yet computed (`<Topic>Figures.all` is a lazy static).
  struct Topic: Sendable {
    let name: String
    let figures: @Sendable () -> [Figure]
    let pictures: @Sendable () -> [Picture]

    init(
      _ name: String, _ figures: @escaping @Sendable @autoclosure () -> [Figure],
      _ pictures: @escaping @Sendable @autoclosure () -> [Picture]
    ) {
      self.name = name
      self.figures = figures
      self.pictures = pictures
    }
  }

  /// The topics in course order; a topic's lesson has the topic's name.
  static let topics: [Topic] = [
    Topic("NumberFormats", NumberFormatsFigures.all, NumberFormatsPictures.all),
    Topic("InferenceMemory", InferenceMemoryFigures.all, InferenceMemoryPictures.all),
    Topic("TrainingMemory", TrainingMemoryFigures.all, TrainingMemoryPictures.all),
    Topic("Checkpointing", CheckpointingFigures.all, CheckpointingPictures.all),
    Topic("Quantization", QuantizationFigures.all, QuantizationPictures.all),
    Topic(
      "ServingAndFinetuning", ServingAndFinetuningFigures.all, ServingAndFinetuningPictures.all),
  ]

  private static func topic(_ name: String) -> Topic? {
    topics.first { $0.name == name }
  }

  /// The computed figures of one topic (none for a name that is no topic).
  public static func figures(of topic: String) -> [Figure] {
    Self.topic(topic)?.figures() ?? []
  }

  /// The generated pictures of one topic (none for a name that is no topic).
  public static func pictures(of topic: String) -> [Picture] {
    Self.topic(topic)?.pictures() ?? []
  }

  /// Every computed figure of every topic, in course order.
  public static var figures: [Figure] { topics.flatMap { $0.figures() } }

  /// Every generated picture of every topic, in course order.
  public static var pictures: [Picture] { topics.flatMap { $0.pictures() } }

  /// The catalogue the course loader checks the lesson named `lesson` against: its topic's
  /// figures and pictures, computed now.
  public static func catalog(of lesson: String) -> CourseCatalog {
    CourseCatalog(
      figures: Dictionary(
        figures(of: lesson).map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first }),
      pictures: Set(pictures(of: lesson).map(\.id)))
  }

  /// The catalogues of the lessons named in `lessons`, by name, the topics' figures computed
  /// side by side: a command that shows every lesson waits for the slowest topic, not for all.
  /// (No kit's figures share mutable state, and each topic's lists are computed once.)
  public static func catalogs(of lessons: Set<String>) -> [String: CourseCatalog] {
    // Latest topic first: the last topics replay the longest runs (ServingAndFinetuning's
    // request trace, Quantization's network), and a slow topic started first runs beside the
    // quick ones instead of after them (a set's own order changes from process to process).
    let order = Dictionary(
      uniqueKeysWithValues: topics.enumerated().map { ($0.element.name, $0.offset) })
    let names = lessons.sorted { (order[$0] ?? -1, $0) > (order[$1] ?? -1, $1) }
    return Dictionary(uniqueKeysWithValues: zip(names, names.concurrentMap { catalog(of: $0) }))
  }

  /// Starts computing every topic's figures and pictures on other threads, and returns at once.
  /// A command that shows every lesson calls it before it loads the course, so the two overlap;
  /// `catalogs(of:)` then waits only for what is not done yet (each topic's lists are lazy
  /// statics, computed once however many threads ask).
  public static func startComputingEveryTopic() {
    let names = Set(topics.map(\.name))
    DispatchQueue.global().async {
      _ = catalogs(of: names)
    }
  }

  /// The picture with this id in the topic of the lesson named `lesson`.
  public static func picture(_ id: String, in lesson: String) -> Picture? {
    pictures(of: lesson).first { $0.id == id }
  }
}
