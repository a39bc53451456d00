; Imports, bindings, attribute assignments and class bodies, one query for JavaScript, TypeScript
; and TSX. Run only where a name is written (analysis/nameIndex.ts), never over the whole tree.

; Imported modules: `import OpenAI from 'openai'`, `import { AzureOpenAI } from "openai"`.
(import_statement
  source: (string (string_fragment) @import.module))

; Names bound by an import, with the module they come from: a client imported from another
; module is a receiver whose origin this file cannot see.
(import_statement
  (import_clause [
    (identifier) @import.name
    (namespace_import (identifier) @import.name)
    (named_imports (import_specifier alias: (identifier) @import.name))
    (named_imports (import_specifier name: (identifier) @import.name !alias))
  ])
  source: (string (string_fragment) @import.from))

; `require('openai')`
(call_expression
  function: (identifier) @_require
  arguments: (arguments . (string (string_fragment) @import.module))
  (#eq? @_require "require"))

; Bindings, for value resolution (the assigned value is read from the name's parent): `const NAME = value`, and names bound or reassigned some
; other way (which make a name's value unknown).
(variable_declarator
  name: (identifier) @def.name
  value: (_))
(variable_declarator
  name: (identifier) @def.other
  !value)
(assignment_expression
  left: (identifier) @def.assigned)
(augmented_assignment_expression
  left: (identifier) @def.assigned)
(update_expression
  argument: (identifier) @def.assigned)
(for_in_statement
  left: (_) @def.pattern)
; destructuring binds names too (`const { client } = require("./llm")`)
(variable_declarator
  name: [(object_pattern) (array_pattern)] @def.pattern)
; functions and classes are bound here too (not free names)

; Attribute assignments: `this.client = new AzureOpenAI({...})`. The object and the property name
; are read from the target in code (analysis/nameIndex.ts: attributeParts): spelled out as field
; patterns they cost more to compile than to read (~10 ms with the TypeScript grammar).
(assignment_expression
  left: (member_expression) @attr.target
  right: (_) @attr.value)

; Class bodies, for fields with an initialiser (`private client = new AzureOpenAI()`, read as
; `this.client`); the field node types differ between the grammars, so extract.ts reads them.
(class_body) @class.body

; Renamed imports: `import { AzureOpenAI as Az } from "openai"`.
(import_specifier
  name: (identifier) @rename.name
  alias: (identifier) @rename.alias)
