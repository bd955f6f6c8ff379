// A Next.js page with an inline server action + @google/genai.
import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

export default function AskPage() {
  async function ask(formData: FormData) {
    'use server';
    const level = formData.get('level');
    const response = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: String(formData.get('question')),
      config: { maxOutputTokens: 300, systemInstruction: `Answer science questions. Reader level: ${level}` },
    });
    return response.text;
  }
  return (
    <form action={ask}>
      <input name="question" />
      <select name="level"><option>beginner</option></select>
    </form>
  );
}
