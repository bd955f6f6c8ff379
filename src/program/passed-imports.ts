import path from 'node:path';
import { parseSync } from 'oxc-parser';

/**
 * Which imports a module hands on as values: as an argument (`app.post('/ask', askHandler)`,
 * `router.post('/x', controller.create)`, `asyncHandler(handler)`, `ctrl.create.bind(ctrl)`,
 * `{ handler: askHandler }`), as the callee of an arrow that forwards to it
 * (`(c) => askHandler(c)`), as an exported value (`export const POST = handler`), or as the
 * class of an injected constructor parameter (`constructor(private chat: ChatService)`, whose
 * methods a controller's handlers forward to). A module
 * that only calls what it imports cannot register it as a handler, so it need not be analysed
 * for its registrations. Read from a quick parse, without scopes: a shadowing local name only
 * makes a module a candidate, and the analysis that follows decides.
 */

type Node = { type: string } & Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** How deep an argument is searched for the name it hands on (`wrap(inner(handler))`). */
const MAX_DEPTH = 3;

function langOf(file: string): 'ts' | 'tsx' | 'jsx' {
  const extension = path.extname(file);
  if (extension === '.ts' || extension === '.mts' || extension === '.cts') return 'ts';
  return extension === '.tsx' ? 'tsx' : 'jsx';
}

/** Local names bound by imports and `require` calls, with their specifiers. */
function importBindings(program: Node): Map<string, string> {
  const bindings = new Map<string, string>();
  for (const statement of program.body as Node[]) {
    if (statement.type === 'ImportDeclaration' && statement.importKind !== 'type') {
      const specifier = (statement.source as { value: string }).value;
      for (const binding of statement.specifiers as Node[]) bindings.set((binding.local as { name: string }).name, specifier);
    }
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations as Node[]) {
      const specifier = requireSpecifier(declarator.init);
      if (specifier === null) continue;
      const id = declarator.id as Node;
      if (id.type === 'Identifier') bindings.set(id.name as string, specifier);
      else if (id.type === 'ObjectPattern') {
        for (const property of id.properties as Node[]) {
          const value = property.value as Node | undefined;
          if (value?.type === 'Identifier') bindings.set(value.name as string, specifier);
        }
      }
    }
  }
  return bindings;
}

function requireSpecifier(init: unknown): string | null {
  let value = init as Node | null | undefined;
  if (value?.type === 'MemberExpression') value = value.object as Node;
  if (value?.type !== 'CallExpression') return null;
  const callee = value.callee as Node;
  const argument = (value.arguments as Node[])[0];
  if (callee.type !== 'Identifier' || callee.name !== 'require' || argument?.type !== 'Literal' || typeof argument.value !== 'string') return null;
  return argument.value;
}

/** The names a value expression hands on: `x`, the root of `x.y.z`, `x.bind(…)`, wrapped calls' arguments, forwarded callees. */
function handedOn(value: unknown, names: string[], depth = 0): void {
  if (!isNode(value) || depth > MAX_DEPTH) return;
  switch (value.type) {
    case 'Identifier':
      names.push(value.name as string);
      return;
    case 'MemberExpression':
      handedOn(value.object, names, depth + 1);
      return;
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
      handedOn(value.expression, names, depth);
      return;
    case 'CallExpression': {
      // `wrap(handler)`: its arguments; `x.create.bind(x)`: the function bound. Not the callee of a
      // call whose result is handed on (`ask(buildPrompt(x))` calls buildPrompt).
      const callee = value.callee as Node;
      const property = callee.type === 'MemberExpression' ? (callee.property as Node) : null;
      if (property?.type === 'Identifier' && property.name === 'bind' && !callee.computed) handedOn(callee.object, names, depth + 1);
      for (const argument of value.arguments as unknown[]) handedOn(argument, names, depth + 1);
      return;
    }
    case 'ObjectExpression':
      for (const property of value.properties as Node[]) if (property.type === 'Property') handedOn(property.value, names, depth + 1);
      return;
    case 'ArrowFunctionExpression':
    case 'FunctionExpression': {
      // `(c) => askHandler(c)`, `async (req, res) => { return ctrl.create(req, res); }`: the callee.
      let body = value.body as Node;
      if (body.type === 'BlockStatement') {
        const statements = body.body as Node[];
        const only = statements.length === 1 ? statements[0] : null;
        body = (only?.type === 'ReturnStatement' ? only.argument : only?.type === 'ExpressionStatement' ? only.expression : null) as Node;
      }
      if (body?.type === 'AwaitExpression') body = body.argument as Node;
      if (body?.type === 'CallExpression') handedOn(body.callee, names, depth + 1);
      return;
    }
    default:
  }
}

/** The class a constructor parameter property is typed with (`chat: ChatService`, also with a default value). */
function injectedClass(parameter: unknown, names: string[]): void {
  let binding = parameter as Node | undefined;
  if (binding?.type === 'AssignmentPattern') binding = binding.left as Node;
  const type = ((binding?.typeAnnotation as Node | undefined)?.typeAnnotation as Node | undefined) ?? null;
  const name = type?.type === 'TSTypeReference' ? (type.typeName as Node) : null;
  if (name?.type === 'Identifier') names.push(name.name as string);
}

/** Every node of the program, without parents (a plain walk over object-valued fields). */
function* nodes(root: Node): Generator<Node> {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    for (const key in node) {
      if (key === 'parent') continue;
      const child = node[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) stack.push(item);
      } else if (isNode(child)) stack.push(child);
    }
  }
}

/** The specifiers of the imports a module hands on as values (empty when it does not parse). */
export function passedImportSpecifiers(file: string, text: string): Set<string> {
  const passed = new Set<string>();
  let program: Node;
  try {
    const result = parseSync(file, text, { lang: langOf(file), astType: 'ts', preserveParens: false });
    program = result.program as unknown as Node;
  } catch {
    return passed;
  }
  const bindings = importBindings(program);
  if (bindings.size === 0) return passed;
  const names: string[] = [];
  for (const node of nodes(program)) {
    if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      for (const argument of node.arguments as unknown[]) handedOn(argument, names);
    } else if (node.type === 'TSParameterProperty') {
      // `constructor(private readonly chat: ChatService)`: an injected instance, whose methods the class's handlers may forward to.
      injectedClass(node.parameter, names);
    } else if (node.type === 'ExportDefaultDeclaration') {
      handedOn(node.declaration, names);
    } else if (node.type === 'ExportNamedDeclaration' && !node.source) {
      for (const declarator of ((node.declaration as Node | null)?.declarations as Node[] | undefined) ?? []) handedOn(declarator.init, names);
      for (const specifier of node.specifiers as Node[]) handedOn(specifier.local, names);
    }
  }
  for (const name of names) {
    const specifier = bindings.get(name);
    if (specifier !== undefined) passed.add(specifier);
  }
  return passed;
}
