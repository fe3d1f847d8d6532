Console.WriteLine("convspec: commands arrive with the CLI work.");
