"""The Studio: Midjourney, Suno, Luma and Flux tasks beside the chats (issue 17)."""
