import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import type { Node, Tree } from 'web-tree-sitter';

/**
 * Bicep read with tree-sitter's Bicep grammar (a WebAssembly build, no native code and no
 * download): enough to find syntax errors and to read declarations. It is not the Bicep
 * compiler — types and resource schemas are checked by `az bicep build` (docs/deploy.md).
 */
let parser: Promise<Parser> | undefined;

function loadParser(): Promise<Parser> {
  parser ??= (async () => {
    await Parser.init();
    const require = createRequire(import.meta.url);
    const grammarDir = dirname(require.resolve('tree-sitter-bicep/package.json'));
    const language = await Language.load(join(grammarDir, 'tree-sitter-bicep.wasm'));
    const instance = new Parser();
    instance.setLanguage(language);
    return instance;
  })();
  return parser;
}

export interface SyntaxProblem {
  readonly line: number;
  readonly column: number;
  readonly text: string;
}

export interface BicepFile {
  readonly tree: Tree;
  readonly root: Node;
  readonly problems: readonly SyntaxProblem[];
}

export async function parseBicepFile(path: string): Promise<BicepFile> {
  const tree = (await loadParser()).parse(readFileSync(path, 'utf8'));
  if (tree === null) throw new Error(`tree-sitter gave no tree for ${path}`);
  const problems: SyntaxProblem[] = [];
  const visit = (node: Node): void => {
    if (node.type === 'ERROR' || node.isMissing) {
      problems.push({
        line: node.startPosition.row + 1,
        column: node.startPosition.column + 1,
        text: node.isMissing ? `missing ${node.type}` : node.text.slice(0, 60),
      });
      return;
    }
    for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  return { tree, root: tree.rootNode, problems };
}

export interface ParameterDeclaration {
  readonly name: string;
  /** Has a default value, or a nullable type: a caller may leave it out. */
  readonly optional: boolean;
}

export function parameters(root: Node): ParameterDeclaration[] {
  return root.namedChildren
    .filter((node): node is Node => node?.type === 'parameter_declaration')
    .map((node) => {
      const [name, type, defaultValue] = node.namedChildren;
      if (!name || !type) throw new Error(`unreadable parameter at line ${node.startPosition.row + 1}`);
      return { name: name.text, optional: defaultValue !== undefined || type.text.endsWith('?') };
    });
}

export interface ModuleDeclaration {
  readonly symbol: string;
  readonly path: string;
  /** Names of the parameters the module is given. */
  readonly params: readonly string[];
}

export function modules(root: Node): ModuleDeclaration[] {
  return root.namedChildren
    .filter((node): node is Node => node?.type === 'module_declaration')
    .map((node) => {
      const [symbol, path, body] = node.namedChildren;
      if (!symbol || !path || !body) throw new Error(`unreadable module at line ${node.startPosition.row + 1}`);
      const paramsObject = properties(body, 'params')[0];
      return {
        symbol: symbol.text,
        path: stringValue(path),
        params: paramsObject ? objectKeys(paramsObject) : [],
      };
    });
}

/** The values of every `key: value` property named `key`, anywhere below `node`. */
export function properties(node: Node, key: string): Node[] {
  return node
    .descendantsOfType('object_property')
    .filter((property): property is Node => property?.namedChildren[0]?.text === key)
    .flatMap((property) => {
      const value = property.namedChildren[1];
      return value ? [value] : [];
    });
}

export function objectKeys(object: Node): string[] {
  return object.namedChildren
    .filter((child): child is Node => child?.type === 'object_property')
    .flatMap((property) => (property.namedChildren[0] ? [property.namedChildren[0].text] : []));
}

/** A plain string literal's content; interpolations are kept as `${…}` text. */
export function stringValue(node: Node): string {
  if (node.type !== 'string') throw new Error(`expected a string at line ${node.startPosition.row + 1}, got ${node.type}`);
  return node.text.slice(1, -1);
}

export function arrayItems(node: Node): Node[] {
  if (node.type !== 'array') throw new Error(`expected an array at line ${node.startPosition.row + 1}, got ${node.type}`);
  return node.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
}

/** The value node of `var name = …` at the top of a file. */
export function variable(root: Node, name: string): Node {
  const declaration = root.namedChildren.find(
    (node) => node?.type === 'variable_declaration' && node.namedChildren[0]?.text === name,
  );
  const value = declaration?.namedChildren[1];
  if (!value) throw new Error(`no variable ${name}`);
  return value;
}
