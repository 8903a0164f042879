import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import * as z from 'zod';
import { FORMATTED_NUMBER_FUNCTIONS, FUNCTION_SOURCE_FILES, SSR_FUNCTIONS } from '../../src/custom-functions';
import { SWEDISH_FUNCTIONS } from './swedish';
import type { SwedishFunctionText } from './swedish';
import type { SsrFunctionId } from '../../src/custom-functions';

/*
 * functions.json is generated from the functions' JSDoc by custom-functions-metadata, never
 * written by hand; functions-sv.json from it and the Swedish table. The generator reports
 * errors without failing, so every check here throws instead.
 */

const parameterSchema = z.looseObject({
  name: z.string(),
  description: z.string().optional(),
  type: z.string().optional(),
  dimensionality: z.string().optional(),
  optional: z.boolean().optional(),
});

const functionSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  parameters: z.array(parameterSchema),
  result: z.looseObject({ type: z.string().optional(), dimensionality: z.string().optional() }),
});

export const functionsMetadataSchema = z.looseObject({ allowCustomDataForDataTypeAny: z.boolean().optional(), functions: z.array(functionSchema) });
export type FunctionsMetadata = z.infer<typeof functionsMetadataSchema>;

export const FUNCTIONS_JSON = 'functions.json';
export const FUNCTIONS_SV_JSON = 'functions-sv.json';

const addinRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const functionSourcePaths = FUNCTION_SOURCE_FILES.map((file) => join(addinRoot, 'src/custom-functions', file));

/** The English metadata from the JSDoc, checked against the functions Excel will call. */
export async function generateEnglishMetadata(): Promise<{ metadata: FunctionsMetadata; text: string }> {
  const result = await generateCustomFunctionsMetadata(functionSourcePaths);
  if (result.errors.length > 0) {
    throw new Error(`custom-functions-metadata found errors in the JSDoc:\n  ${result.errors.join('\n  ')}`);
  }
  if (result.metadataJson === '') throw new Error(`custom-functions-metadata found no functions in ${functionSourcePaths.join(', ')}.`);
  const metadata = functionsMetadataSchema.parse(JSON.parse(result.metadataJson));
  const generated = metadata.functions.map((f) => f.id).sort();
  const associated = Object.keys(SSR_FUNCTIONS).sort();
  if (generated.join() !== associated.join()) {
    throw new Error(`functions.json has ${generated.join(', ')} but the add-in associates ${associated.join(', ')}.`);
  }
  // A formatted number reaches the cell only when the metadata allows custom data and the result is `any`.
  if (metadata.allowCustomDataForDataTypeAny !== true) throw new Error('functions.json does not set allowCustomDataForDataTypeAny: formatted numbers would not reach the cells.');
  const typed = metadata.functions.filter((fn) => FORMATTED_NUMBER_FUNCTIONS.includes(fn.id as SsrFunctionId) && fn.result.type !== undefined);
  if (typed.length > 0) throw new Error(`These functions return formatted numbers but their result type is not any: ${typed.map((fn) => fn.id).join(', ')}.`);
  // Written as the generator wrote it.
  return { metadata, text: `${result.metadataJson}\n` };
}

/** functions-sv.json: the same functions with Swedish names and descriptions. */
export function swedishMetadata(english: FunctionsMetadata): FunctionsMetadata {
  const swedishTexts: Readonly<Record<string, SwedishFunctionText | undefined>> = SWEDISH_FUNCTIONS;
  const problems: string[] = [];
  const functions = english.functions.map((fn) => {
    const text = swedishTexts[fn.id];
    if (!text) {
      problems.push(`${fn.id} has no Swedish text`);
      return fn;
    }
    const extra = Object.keys(text.parameters).filter((name) => !fn.parameters.some((p) => p.name === name));
    if (extra.length > 0) problems.push(`${fn.id}: Swedish text for unknown parameters ${extra.join(', ')}`);
    const parameters = fn.parameters.map((parameter) => {
      const translated = text.parameters[parameter.name];
      if (!translated) problems.push(`${fn.id}: parameter ${parameter.name} has no Swedish text`);
      return translated ? { ...parameter, ...translated } : parameter;
    });
    return { ...fn, name: text.name, description: text.description, parameters };
  });
  const unknown = Object.keys(SWEDISH_FUNCTIONS).filter((id) => !english.functions.some((fn) => fn.id === id));
  if (unknown.length > 0) problems.push(`Swedish text for functions that do not exist: ${unknown.join(', ')}`);
  if (problems.length > 0) throw new Error(`The Swedish function texts do not match functions.json:\n  ${problems.join('\n  ')}`);
  return { ...english, functions };
}

export function metadataText(metadata: FunctionsMetadata): string {
  return `${JSON.stringify(metadata, null, 4)}\n`;
}

export interface GeneratedMetadata {
  english: FunctionsMetadata;
  swedish: FunctionsMetadata;
  files: Record<typeof FUNCTIONS_JSON | typeof FUNCTIONS_SV_JSON, string>;
}

export async function generateMetadata(): Promise<GeneratedMetadata> {
  const { metadata: english, text } = await generateEnglishMetadata();
  const swedish = swedishMetadata(english);
  return { english, swedish, files: { [FUNCTIONS_JSON]: text, [FUNCTIONS_SV_JSON]: metadataText(swedish) } };
}

/** Write both files into a folder and read them back: a file that is not there fails here. */
export async function writeMetadata(outDir: string): Promise<GeneratedMetadata> {
  const generated = await generateMetadata();
  await mkdir(outDir, { recursive: true });
  for (const [name, text] of Object.entries(generated.files)) {
    const path = join(outDir, name);
    await writeFile(path, text);
    if ((await readFile(path, 'utf8')) !== text) throw new Error(`${path} was not written as generated.`);
  }
  return generated;
}
