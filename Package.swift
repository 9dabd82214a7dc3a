// swift-tools-version:6.0
// The workbook's package. Each topic named T in `topics` brings
//   Sources/T            the topic's kit: contracts the exercises implement, shared types, tools
//   Exercises/T          the student's edition of the contracts (stubs in the repository)
//   Solutions/T          the reference edition (absent from a student edition)
//   Tests/T/Graders      graders written once, run against either edition
//   Tests/T/Check        an executable that grades the Exercises edition in its own process
//   Tests/T/Grading      the student's `swift test`: one test per exercise, through T/Check
//   Tests/T/XCTest       the maintainers' tests of the topic (Solutions pass, stubs fail, kit)
//
// The manifest reads no folders: SwiftPM caches a manifest's evaluation by its text, so
// anything discovered from the disk could be served stale. The topic list and the edition
// line below are the whole of what varies.
import PackageDescription

/// `workbook export --student` rewrites this line to "student", which drops Solutions/.
let edition = "full"

/// The topics, in course order.
let topics = [
  "NumberFormats", "InferenceMemory", "TrainingMemory", "Checkpointing", "Quantization",
  "ServingAndFinetuning",
]

/// Whether this is the maintainers' run (`make test` sets WORKBOOK_MAINTAINER=1). Only then do
/// the maintainers' test targets exist: a student's plain `swift test` builds and runs the
/// exercise graders alone, so no test that assumes stubs or Solutions can fail correct code.
/// (SwiftPM keys its manifest cache by the environment too, so switching is safe.)
let maintainerRun = Context.environment["WORKBOOK_MAINTAINER"] == "1"

/// Whether this edition ships the reference solutions.
func hasSolutions(_ topic: String) -> Bool { edition == "full" }

let swiftSettings: [SwiftSetting] = [.swiftLanguageMode(.v5)]

var targets: [Target] = [
  .systemLibrary(
    name: "CCmark",
    pkgConfig: "libcmark",
    providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
  ),
  .target(name: "Markdown", dependencies: ["CCmark"], swiftSettings: swiftSettings),
  .target(name: "Course", dependencies: ["Markdown"], swiftSettings: swiftSettings),
  // A counting malloc, so that graders see the heap of the code they run (Harness.HeapMeter).
  .target(name: "CHeapMeter"),
  // Optimised even in debug builds: every answer a runner records and the judge replays goes
  // through Harness's Tape, a few hundred thousand per float exercise, and unoptimised generic
  // code makes that ten times slower than the graders themselves.
  .target(
    name: "Harness", dependencies: ["CHeapMeter"],
    swiftSettings: swiftSettings + [.unsafeFlags(["-O"])]),
  .target(name: "XCTestOnly"),
  // The vocabulary every topic shares: element types and byte quantities (Sources/Units), and
  // the SVG, terminal and figure-text writers of the topics' pictures and figures.
  .target(name: "Units", swiftSettings: swiftSettings),
  .target(name: "Drawing", dependencies: ["Units"], swiftSettings: swiftSettings),
  // The judge's side: every topic's graders, never an Exercises module (see Harness's Judge).
  .target(
    name: "Judges", dependencies: ["Harness"] + topics.map { .byName(name: $0 + "Graders") },
    swiftSettings: swiftSettings),
  .target(
    name: "HarnessXCTest", dependencies: ["Harness", "Course", "XCTestOnly", "Judges"],
    swiftSettings: swiftSettings),
  // The workbook's own modules, by concern (each folder's README.md says what it imports and
  // why): the learner's workspace at the bottom, grading, study, publishing above it, and
  // the figure registry, the one module that imports every topic's kit.
  .target(
    name: "LearnerWorkspace", dependencies: ["Course", "Harness"], exclude: ["README.md"],
    swiftSettings: swiftSettings),
  .target(
    name: "Figures", dependencies: ["Course", "Harness"] + topics.map { .byName(name: $0) },
    exclude: ["README.md"], swiftSettings: swiftSettings),
  .target(
    name: "Grading", dependencies: ["LearnerWorkspace", "Course", "Harness", "Judges"],
    exclude: ["README.md"], swiftSettings: swiftSettings),
  .target(
    name: "Study", dependencies: ["LearnerWorkspace", "Grading", "Course", "Markdown", "Harness"],
    exclude: ["README.md"], swiftSettings: swiftSettings),
  .target(
    name: "Publishing",
    dependencies: ["LearnerWorkspace", "Figures", "Course", "Markdown", "Harness"],
    exclude: ["README.md"], swiftSettings: swiftSettings),
  .executableTarget(
    name: "workbook",
    dependencies: [
      "LearnerWorkspace", "Figures", "Grading", "Study", "Publishing",
      .product(name: "ArgumentParser", package: "swift-argument-parser"),
    ],
    swiftSettings: swiftSettings
  ),
  .executableTarget(
    name: "LessonFuzzer", dependencies: ["Course", "Markdown"], path: "Fuzz/LessonFuzzer",
    swiftSettings: swiftSettings),

]

if maintainerRun {
  targets += [
    .testTarget(name: "MarkdownTests", dependencies: ["Markdown"], swiftSettings: swiftSettings),
    .testTarget(name: "CourseTests", dependencies: ["Course"], swiftSettings: swiftSettings),
    .testTarget(
      name: "DrawingTests", dependencies: ["Drawing", "Units"], swiftSettings: swiftSettings),
    .testTarget(
      name: "HarnessTests", dependencies: ["Harness", "HarnessXCTest", "Course", "Markdown"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "WorkbookTests",
      dependencies: [
        "LearnerWorkspace", "Figures", "Grading", "Study", "Publishing", "workbook",
        "HarnessXCTest", "Judges",
      ],
      swiftSettings: swiftSettings
    ),
  ]
}

for topic in topics {
  let kit = Target.Dependency.byName(name: topic)
  targets.append(
    .target(
      name: topic, dependencies: ["Harness", "Units", "Drawing"], swiftSettings: swiftSettings))
  targets.append(
    .target(
      name: topic + "Exercises", dependencies: [kit, "Harness"], path: "Exercises/" + topic,
      swiftSettings: swiftSettings))
  targets.append(
    .target(
      name: topic + "Graders", dependencies: [kit, "Harness"], path: "Tests/" + topic + "/Graders",
      swiftSettings: swiftSettings))
  targets.append(
    .executableTarget(
      name: topic + "Check",
      dependencies: [
        .byName(name: topic + "Exercises"), .byName(name: topic + "Graders"), "Harness",
      ],
      path: "Tests/" + topic + "/Check", swiftSettings: swiftSettings))
  if !maintainerRun {
    targets.append(
      .testTarget(
        // Not on <topic>Check: this process is the judge and links no student code; `swift
        // test` builds the runner anyway, as it builds every target.
        name: topic + "Grading", dependencies: ["HarnessXCTest"],
        path: "Tests/" + topic + "/Grading", swiftSettings: swiftSettings))
  }
  var testDependencies: [Target.Dependency] = [
    kit, "Harness", "HarnessXCTest", .byName(name: topic + "Graders"),
    .byName(name: topic + "Check"), .byName(name: topic + "Exercises"),
  ]
  if hasSolutions(topic) {
    targets.append(
      .target(
        name: topic + "Solutions", dependencies: [kit, "Harness"], path: "Solutions/" + topic,
        swiftSettings: swiftSettings))
    testDependencies.append(.byName(name: topic + "Solutions"))
  }
  if maintainerRun {
    targets.append(
      .testTarget(
        name: topic + "Tests", dependencies: testDependencies, path: "Tests/" + topic + "/XCTest",
        swiftSettings: swiftSettings))
  }
}

// Optimised even in debug builds, as Harness is: the kits whose lessons replay long runs when
// they are shown (InferenceMemory's timed forward passes and optimal buffer search,
// Quantization's network and loss-scaling histograms, ServingAndFinetuning's request trace). Unoptimised, `workbook read` takes
// 130 to 360 ms on those lessons instead of about 50; the other kits, Drawing, Course and
// Markdown open theirs within 50 ms unoptimised, and compiling them with -O would cost a fresh
// `make` about 25 s of its 60 on two cores.
let optimisedInDebug: Set = ["InferenceMemory", "Quantization", "ServingAndFinetuning"]
for target in targets where optimisedInDebug.contains(target.name) {
  target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-O"])]
}

/// The paged KV-cache benchmark (scripts/bench-paged.sh): a plain release executable, since the
/// Benchmarks/ package's ordo-one/benchmark cannot be fetched everywhere. It lives in Sources/,
/// which the shadow package of `workbook check` links, so the manifest resolves there too.
if hasSolutions("ServingAndFinetuning") {
  targets.append(
    .executableTarget(
      name: "PagedKVCacheBenchmark",
      dependencies: ["ServingAndFinetuning", "ServingAndFinetuningSolutions"],
      swiftSettings: swiftSettings))
}

/// Library products let the separate Benchmarks/ package measure the topics' code.
let topicProducts: [Product] = topics.flatMap { topic in
  [.library(name: topic, targets: [topic])]
    + (hasSolutions(topic)
      ? [.library(name: topic + "Solutions", targets: [topic + "Solutions"])] : [])
}

let package = Package(
  name: "MemoryWorkbook",
  products: [
    .executable(name: "workbook", targets: ["workbook"]),
    .library(
      name: "WorkbookLibraries",
      targets: [
        "Markdown", "Course", "LearnerWorkspace", "Figures", "Grading", "Study", "Publishing",
      ]),
  ] + topicProducts,
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: targets
)
